using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>Keras' default weight initialisation: Glorot-uniform kernels, zero biases.</summary>
/// <remarks>
/// Why not PyTorch's default: the Chollet convnet trained with torch's Kaiming-uniform init ends about
/// 0.1–0.2 points lower; the tutorials' numbers come from Keras' init.
/// </remarks>
internal static class Initializers
{
    /// <summary>Fills <paramref name="weight"/> from U(−l, l), l = √(6 / (fanIn + fanOut)), and zeroes <paramref name="bias"/>.</summary>
    public static void KerasDefaults(Tensor weight, Tensor bias, long fanIn, long fanOut)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        using var _ = no_grad();
        nn.init.uniform_(weight, -limit, limit);
        bias.zero_();
    }
}
