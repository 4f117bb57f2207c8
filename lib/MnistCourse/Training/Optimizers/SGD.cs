using TorchSharp;
using TorchSharp.Modules;

namespace MnistCourse.Training.Optimizers;

/// <summary>Keras' SGD: <c>w −= lr·g</c> (default lr 0.01, no momentum), torch's <c>optim.SGD</c> underneath.</summary>
public sealed class SGD(double learningRate = 0.01, double momentum = 0) : Optimizer(learningRate)
{
    public double Momentum { get; } = momentum;

    public override torch.optim.Optimizer Bind(IEnumerable<Parameter> parameters) =>
        torch.optim.SGD(parameters, LearningRate, momentum: Momentum);

    public override string ToString() => $"SGD(learningRate: {LearningRate}, momentum: {Momentum})";
}
