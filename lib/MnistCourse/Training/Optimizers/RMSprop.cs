using TorchSharp;
using TorchSharp.Modules;

namespace MnistCourse.Training.Optimizers;

/// <summary>
/// Keras' RMSprop: <c>ms = ρ·ms + (1−ρ)·g²;  w −= lr·g / (√ms + ε)</c>, defaults lr 1e-3, ρ 0.9, ε 1e-7.
/// </summary>
/// <remarks>
/// This is exactly torch's <c>optim.RMSProp</c> (with <c>alpha</c> = ρ, no momentum), so the course binds
/// that one; only the defaults differ (torch: lr 0.01, alpha 0.99, eps 1e-8). The form with ε outside the
/// root is the one of Keras 2.x and tf.keras up to 2.10, which the Chollet tutorial used.
/// </remarks>
public sealed class RMSprop(double learningRate = 1e-3, double rho = 0.9, double epsilon = 1e-7) : Optimizer(learningRate)
{
    public double Rho { get; } = rho;
    public double Epsilon { get; } = epsilon;

    public override torch.optim.Optimizer Bind(IEnumerable<Parameter> parameters) =>
        torch.optim.RMSProp(parameters, lr: LearningRate, alpha: Rho, eps: Epsilon);

    public override string ToString() => $"RMSprop(learningRate: {LearningRate}, rho: {Rho}, epsilon: {Epsilon})";
}
