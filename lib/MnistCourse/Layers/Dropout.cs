using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>
/// Keras' <c>Dropout</c>: while training, each value is zeroed with probability rate and the
/// rest scaled by 1 / (1 − rate); at evaluation it passes values through unchanged. Fights overfitting.
/// </summary>
public sealed class Dropout(double rate, Shape? inputShape = null) : Layer(nameof(Dropout), inputShape)
{
    public double Rate { get; } = rate is >= 0 and < 1 ? rate : throw new ArgumentOutOfRangeException(nameof(rate), $"rate must be in [0, 1), got {rate}.");

    protected override Shape BuildCore(Shape input) => input;

    // `training` is the module's mode: model.train() while fitting, model.eval() to evaluate.
    protected internal override Tensor PreActivation(Tensor x) => nn.functional.dropout(x, Rate, training);
}
