using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>The activation functions Keras layers accept by name, each resolved once, when the layer is made.</summary>
internal static class Activations
{
    private static readonly Dictionary<string, Func<Tensor, Tensor>> Functions = new()
    {
        ["linear"] = x => x,
        ["relu"] = x => nn.functional.relu(x),
        ["tanh"] = x => x.tanh(),
        ["sigmoid"] = x => x.sigmoid(),
        // Over the channels: axis 1 of an (N, C, H, W) image, else the last.
        ["softmax"] = x => nn.functional.softmax(x, x.dim() == 4 ? 1 : -1),
    };

    /// <summary>The function named <paramref name="name"/> (null: linear) and its canonical name.</summary>
    public static (string Name, Func<Tensor, Tensor> Apply) Resolve(string? name)
    {
        var canonical = string.IsNullOrEmpty(name) ? "linear" : name.ToLowerInvariant();
        return Functions.TryGetValue(canonical, out var apply)
            ? (canonical, apply)
            : throw new ArgumentException($"unknown activation '{name}'; use one of: {string.Join(", ", Functions.Keys)}.", nameof(name));
    }
}
