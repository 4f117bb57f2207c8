using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>Keras' <c>Activation</c> layer: applies a named activation (relu, tanh, sigmoid, softmax) on its own.</summary>
/// <example><code>model.Add(new Conv2D(32, (5, 5))); model.Add(new Activation("relu"));</code></example>
public sealed class Activation(string activation, Shape? inputShape = null) : Layer(nameof(Activation), inputShape, activation)
{
    protected override Shape BuildCore(Shape input) => input;

    protected internal override Tensor PreActivation(Tensor x) => x;
}
