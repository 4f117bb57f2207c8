using System.Text.RegularExpressions;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>
/// Base of the Keras-style layers. Each layer is a real <c>torch.nn.Module</c>: <see cref="Build"/> creates
/// its weights once the input shape is known (Keras' build), <c>forward</c> computes (Keras' call): the layer's own
/// computation, <see cref="PreActivation"/>, then its activation.
/// </summary>
/// <remarks>
/// Shapes are reported in Keras' channels-last order; tensors flow between layers in torch's
/// channels-first order (N, C, H, W), the layout torch's convolutions are fastest in.
/// </remarks>
public abstract class Layer : nn.Module<Tensor, Tensor>
{
    private Shape? _outputShape;
    private readonly Func<Tensor, Tensor> _activate;

    protected Layer(string typeName, Shape? inputShape = null, string? activation = null) : base(typeName)
    {
        TypeName = typeName;
        DeclaredInputShape = inputShape;
        // Keras' to_snake_case (keras/src/utils/naming.py): Conv2D → conv2d, MaxPooling2D → max_pooling2d.
        BaseName = Regex.Replace(Regex.Replace(typeName, "(.)([A-Z][a-z]+)", "$1_$2"), "([a-z])([A-Z])", "$1_$2").ToLowerInvariant();
        Name = BaseName;
        (Activation, _activate) = Activations.Resolve(activation);
    }

    /// <summary>The activation applied last, by its Keras name: relu, tanh, sigmoid, softmax, or linear (none).</summary>
    public string Activation { get; }

    /// <summary>The class name Keras prints in summaries: Conv2D, MaxPooling2D, …</summary>
    public string TypeName { get; }

    /// <summary>The layer's name in its model, as Keras numbers them: conv2d, conv2d_1, …</summary>
    public string Name { get; internal set; }

    internal string BaseName { get; }

    /// <summary>The <c>inputShape</c> given to this layer, if any (Keras: only the first layer needs it).</summary>
    public Shape? DeclaredInputShape { get; }

    public Shape? InputShape { get; private set; }

    public Shape OutputShape => _outputShape ?? throw new InvalidOperationException($"layer {Name} is not built yet: add it to a model whose first layer has an inputShape.");

    /// <summary>Creates the weights for <paramref name="input"/> and returns the output shape; a layer is built once.</summary>
    public Shape Build(Shape input)
    {
        if (InputShape is { } built && !input.Equals(built))
            throw new InvalidOperationException($"layer {Name} was built for input {built} and cannot take {input}.");
        _outputShape ??= BuildCore(input);
        InputShape = input;
        return _outputShape;
    }

    protected abstract Shape BuildCore(Shape input);

    public long CountParams() => parameters().Sum(p => p.numel());

    public sealed override Tensor forward(Tensor x) => _activate(PreActivation(x));

    /// <summary>The layer's computation before its activation; it may return <paramref name="x"/> itself.</summary>
    protected internal abstract Tensor PreActivation(Tensor x);

    protected static ArgumentException ShapeError(string layer, string expected, Shape actual) =>
        new($"{layer} expects {expected}, but its input is {actual}.");
}
