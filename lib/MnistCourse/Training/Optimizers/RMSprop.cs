using TorchSharp;
using TorchSharp.Modules;
using MnistCourse.Tensors;

namespace MnistCourse.Training.Optimizers;

/// <summary>
/// Keras' RMSprop: <c>ms = ρ·ms + (1−ρ)·g²;  w −= lr·g / (√ms + ε)</c>, defaults lr 1e-3, ρ 0.9, ε 1e-7.
/// </summary>
/// <remarks>
/// The update is exactly torch's <c>optim.RMSProp</c> (with <c>alpha</c> = ρ, no momentum), only the defaults differ
/// (torch: lr 0.01, alpha 0.99, eps 1e-8). The form with ε outside the root is the one of Keras 2.x and tf.keras up to
/// 2.10, which the Chollet tutorial used. The course binds a subclass of torch's that keeps its state, options,
/// save/load and scheduler support and writes its step out, with the same operations in the same order (so the same
/// figures to the last digit), for one reason: <see cref="HeldScalars"/>.
/// </remarks>
public sealed class RMSprop(double learningRate = 1e-3, double rho = 0.9, double epsilon = 1e-7) : Optimizer(learningRate)
{
    public double Rho { get; } = rho;
    public double Epsilon { get; } = epsilon;

    public override torch.optim.Optimizer Bind(IEnumerable<Parameter> parameters) => new KerasRMSprop(parameters, LearningRate, Rho, Epsilon);

    public override string ToString() => $"RMSprop(learningRate: {LearningRate}, rho: {Rho}, epsilon: {Epsilon})";

    /// <summary>torch's RMSProp step (no momentum, not centered), every number it passes to libtorch a Scalar held for the whole step.</summary>
    private sealed class KerasRMSprop(IEnumerable<Parameter> parameters, double lr, double rho, double eps)
        : TorchSharp.Modules.RMSProp(parameters, lr, rho, eps)
    {
        public override torch.Tensor step(Func<torch.Tensor>? closure = null) => _step<ParamGroup>(group =>
        {
            var options = (Options)group.Options;
            double rho = options.alpha!.Value;
            using var scalars = new HeldScalars();
            Scalar decay = scalars.Hold(rho), keep = scalars.Hold(1 - rho), epsilon = scalars.Hold(options.eps!.Value);
            Scalar descent = scalars.Hold(-options.LearningRate!.Value), one = scalars.Hold(1);
            foreach (var weight in group.Parameters)
            {
                var g = weight.grad;
                if (g is null) continue;
                var state = (State)_state[weight.Handle];
                state.step++;
                state.square_avg.mul_(decay).addcmul_(g, g, value: keep);
                using var denominator = state.square_avg.sqrt().add_(epsilon, one);   // add_(ε) alone would make its α of 1 a temporary Scalar
                weight.addcdiv_(g, denominator, value: descent);
            }
        }, closure);
    }
}
