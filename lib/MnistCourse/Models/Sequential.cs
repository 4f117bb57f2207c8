using MnistCourse.Layers;
using MnistCourse.Native;
using MnistCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Models;

/// <summary>
/// Keras' <c>Sequential</c> model: a stack of layers, each fed by the one before. It is a genuine
/// <c>torch.nn.Module</c>: <c>model.forward(x)</c>, <c>model.parameters()</c>, <c>model.train()</c>/<c>eval()</c> all work.
/// </summary>
/// <example><code>
/// var model = new Sequential();
/// model.Add(new Conv2D(32, (3, 3), activation: "relu", inputShape: (28, 28, 1)));
/// model.Add(new MaxPooling2D((2, 2)));
/// model.Summary();
/// </code></example>
/// <remarks>
/// Input batches come channels-last as in Keras, (N, 28, 28, 1); the model turns them to torch's
/// (N, C, H, W) once, at the start of <c>forward</c>. Every layer's input size is inferred from the one
/// before, so no 576 or 1024 is ever typed by hand.
/// </remarks>
public sealed partial class Sequential : nn.Module<Tensor, Tensor>
{
    private readonly List<Layer> _layers = [];

    public Sequential(string name = "sequential") : base(name) => TorchRuntime.EnsureReady();

    public Sequential(params Layer[] layers) : this() => Array.ForEach(layers, Add);

    /// <summary>The name printed by <see cref="Summary"/>.</summary>
    public string ModelName => GetName();

    public IReadOnlyList<Layer> Layers => _layers;

    /// <summary>The channels-last input shape, from the first layer's <c>inputShape</c>.</summary>
    public Shape? InputShape { get; private set; }

    public Shape OutputShape => _layers.Count > 0 ? _layers[^1].OutputShape : throw new InvalidOperationException("the model has no layers yet.");

    /// <summary>Appends a layer and builds it for the previous layer's output shape (Keras builds eagerly once the input shape is known).</summary>
    public void Add(Layer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (_layers.Contains(layer)) throw new ArgumentException($"layer {layer.Name} is already in this model.", nameof(layer));
        if (_layers.Count == 0)
            InputShape = layer.DeclaredInputShape ?? throw new ArgumentException(
                $"the first layer ({layer.TypeName}) needs an inputShape, e.g. inputShape: (28, 28, 1), as in Keras.", nameof(layer));
        else if (layer.DeclaredInputShape is { } declared && !declared.Equals(_layers[^1].OutputShape))
            throw new ArgumentException($"{layer.TypeName} declares inputShape {declared}, but the previous layer outputs {_layers[^1].OutputShape}.", nameof(layer));

        // Keras numbers repeats: conv2d, conv2d_1, conv2d_2, …
        var taken = _layers.Select(l => l.Name).ToHashSet();
        layer.Name = layer.BaseName;
        for (int i = 1; taken.Contains(layer.Name); i++) layer.Name = $"{layer.BaseName}_{i}";
        layer.Build(_layers.Count == 0 ? InputShape! : _layers[^1].OutputShape);
        _layers.Add(layer);
        register_module(layer.Name, layer);
        _compiled = null; // the optimizer must see the new weights
    }

    /// <summary>The layer called <paramref name="name"/> (conv2d, max_pooling2d_1, …).</summary>
    public Layer GetLayer(string name) =>
        _layers.FirstOrDefault(l => l.Name == name) ?? throw new ArgumentException(
            $"no layer named '{name}'; this model has: {string.Join(", ", _layers.Select(l => l.Name))}.", nameof(name));

    public long CountParams() => _layers.Sum(l => l.CountParams());

    /// <summary>Runs the model on a channels-last batch (N, 28, 28, 1) and returns the last layer's output (probabilities for a softmax model).</summary>
    public override Tensor forward(Tensor input) => Run(input, lastActivation: true);

    /// <summary>
    /// Feeds a channels-last batch through the layers, turned once to (N, C, H, W) (a view, free of copies for one channel),
    /// and returns the last output reached. <paramref name="lastActivation"/> false stops before the last layer's activation
    /// (see <see cref="ForwardLogits"/>); <paramref name="goOn"/> sees each layer's output and may end the walk early.
    /// </summary>
    private Tensor Run(Tensor input, bool lastActivation, Func<Layer, Tensor, bool>? goOn = null)
    {
        if (_layers.Count == 0) throw new InvalidOperationException("the model has no layers yet.");
        CheckInput(input);
        var x = input.dim() == 4 ? input.permute(0, 3, 1, 2) : input.alias();
        for (int i = 0; i < _layers.Count; i++)
        {
            var next = lastActivation || i < _layers.Count - 1 ? _layers[i].forward(x) : _layers[i].PreActivation(x);
            if (!ReferenceEquals(next, x)) x.Dispose();   // Activation("linear") hands its input on as it is
            x = next;
            if (goOn?.Invoke(_layers[i], x) == false) break;
        }
        return x;
    }

    /// <summary>Throws a Keras-worded error when a batch does not match <see cref="InputShape"/>.</summary>
    internal void CheckInput(Tensor input)
    {
        var expected = InputShape!;
        var shape = input.shape;
        if (!shape.Skip(1).SequenceEqual(expected.Dims.Select(d => (long)d)))
            throw new ArgumentException(
                $"Input 0 of layer \"{ModelName}\" is incompatible with the layer: expected shape={expected}, found shape=({string.Join(", ", shape)}). " +
                (shape.Length == expected.Rank ? "Add the channel axis, e.g. x.reshape(-1, 28, 28, 1)." : "Reshape the data to the model's input shape."));
        if (input.dtype != ScalarType.Float32)
            throw new ArgumentException($"the model takes float32 input, found {input.dtype}: convert with x.to(torch.float32) / 255.");
    }
}
