using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>Keras' default weight initialisation: Glorot-uniform kernels, zero biases.</summary>
/// <remarks>
/// Why not PyTorch's default: the Chollet convnet trained with torch's Kaiming-uniform init ends about
/// 0.1–0.2 points lower; the tutorials' numbers come from Keras' init.
/// </remarks>
public static class Initializers
{
    /// <summary>Fills <paramref name="weight"/> from U(−l, l), l = √(6 / (fanIn + fanOut)).</summary>
    public static void GlorotUniform(Tensor weight, long fanIn, long fanOut)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        using var _ = no_grad();
        nn.init.uniform_(weight, -limit, limit);
    }

    /// <summary>Sets every value of <paramref name="bias"/> to 0.</summary>
    public static void Zeros(Tensor bias)
    {
        using var _ = no_grad();
        bias.zero_();
    }
}
