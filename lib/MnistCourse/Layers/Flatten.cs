using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>
/// Keras' <c>Flatten</c>: (height, width, channels) → one vector of height·width·channels values, in
/// channels-last order like Keras, so the following Dense weights mean the same as in Keras.
/// </summary>
/// <example><code>new Flatten()   // (None, 3, 3, 64) → (None, 576)</code></example>
public sealed class Flatten(Shape? inputShape = null) : Layer(nameof(Flatten), inputShape)
{
    protected override Shape BuildCore(Shape input) => new((int)input.Size);

    protected internal override Tensor PreActivation(Tensor x) =>
        x.dim() == 4 ? x.permute(0, 2, 3, 1).reshape(x.shape[0], -1) : x.reshape(x.shape[0], -1);
}
