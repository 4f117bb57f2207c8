using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>Keras' <c>Activation</c> layer: applies a named activation (relu, tanh, sigmoid, softmax) on its own.</summary>
/// <example><code>model.Add(new Conv2D(32, (5, 5))); model.Add(new Activation("relu"));</code></example>
public sealed class Activation : Layer
{
    private readonly string _function;

    public Activation(string activation, Shape? inputShape = null) : base(nameof(Activation), inputShape) =>
        _function = Activations.Validate(activation);

    public string Function => _function;

    protected override Shape BuildCore(Shape input) => input;

    public override Tensor forward(Tensor x) => Activations.Apply(_function, x);

    internal override Tensor ForwardLogits(Tensor x) => _function == "softmax" ? x.alias() : forward(x);
    internal override bool EndsWithSoftmax => _function == "softmax";
}
