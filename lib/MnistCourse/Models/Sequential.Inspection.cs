using MnistCourse.Layers;
using static TorchSharp.torch;

namespace MnistCourse.Models;

// Looking inside a trained model: every layer's activations, and saving/loading the weights.
public sealed partial class Sequential
{
    /// <summary>
    /// The outputs of the named layers (all layers when none are named) for <paramref name="x"/>, channels-last
    /// like Keras' <c>Model(inputs, [layer.output …])</c>: (N, H, W, C) for images, (N, units) for vectors.
    /// </summary>
    /// <example><code>var maps = model.LayerOutputs(digit, "conv2d", "max_pooling2d");  maps["conv2d"].shape  // [1, 26, 26, 32]</code></example>
    public IReadOnlyDictionary<string, Tensor> LayerOutputs(Tensor x, params string[] layerNames)
    {
        CheckInput(x);
        var wanted = layerNames.Length == 0 ? _layers.Select(l => l.Name).ToHashSet() : layerNames.Select(n => GetLayer(n).Name).ToHashSet();
        var outputs = new Dictionary<string, Tensor>();
        using var mode = new ModeScope(this, training: false);
        using var noGrad = no_grad();
        Run(x, lastActivation: true, (layer, output) =>
        {
            if (wanted.Contains(layer.Name))
                outputs[layer.Name] = output.dim() == 4 ? output.permute(0, 2, 3, 1).contiguous() : output.clone();
            return outputs.Count < wanted.Count;
        }).Dispose();
        return outputs;
    }

    /// <summary>Saves the weights to <paramref name="path"/> (TorchSharp's format), atomically: a temporary file, then a rename.</summary>
    public void SaveWeights(string path) => AtomicFile.Write(path, temp => save(temp));

    /// <summary>Loads weights saved by <see cref="SaveWeights"/> into this model, which must have the same layers.</summary>
    public void LoadWeights(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"no saved weights at {Path.GetFullPath(path)}: train the model first (or run the lesson that saves it).", path);
        try
        {
            load(path);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or EndOfStreamException)
        {
            throw new InvalidDataException($"the weights in {path} do not fit this model ({e.Message}). " +
                $"They were saved from a model with other layers; build the same layers ({string.Join(", ", _layers.Select(l => l.TypeName))}) or train again.", e);
        }
    }
}
