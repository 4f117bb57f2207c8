using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>The activation functions Keras layers accept by name: relu, tanh, sigmoid, softmax, linear.</summary>
public static class Activations
{
    /// <summary>The names understood, as in Keras.</summary>
    public static readonly IReadOnlyList<string> Names = ["linear", "relu", "tanh", "sigmoid", "softmax"];

    /// <summary>Checks a name (null means linear) and returns it in canonical form.</summary>
    public static string Validate(string? name)
    {
        var canonical = string.IsNullOrEmpty(name) ? "linear" : name.ToLowerInvariant();
        if (!Names.Contains(canonical))
            throw new ArgumentException($"unknown activation '{name}'; use one of: {string.Join(", ", Names)}.", nameof(name));
        return canonical;
    }

    /// <summary>Applies the activation to <paramref name="x"/>; softmax runs over the channels (axis 1 of an N,C,H,W image, else the last).</summary>
    public static Tensor Apply(string name, Tensor x) => name switch
    {
        "relu" => nn.functional.relu(x),
        "tanh" => x.tanh(),
        "sigmoid" => x.sigmoid(),
        "softmax" => nn.functional.softmax(x, x.dim() == 4 ? 1 : -1),
        _ => x,
    };
}
