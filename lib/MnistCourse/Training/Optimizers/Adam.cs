using TorchSharp;
using TorchSharp.Modules;
using MnistCourse.Tensors;
using static TorchSharp.torch;

namespace MnistCourse.Training.Optimizers;

/// <summary>
/// Keras' Adam, defaults lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-7:
/// <c>m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;  lrₜ = lr·√(1−β₂ᵗ)/(1−β₁ᵗ);  w −= lrₜ·m / (√v + ε)</c>.
/// </summary>
/// <remarks>
/// Why not torch's <c>optim.Adam</c> as it is: it adds ε to √(v/(1−β₂ᵗ)) instead of to √v (Keras' "epsilon hat"),
/// which for early steps is a 32× different ε. So the course binds a subclass of it that keeps its state, options,
/// save/load and scheduler support and replaces only <c>step</c> with Keras' form, its numbers passed to libtorch as
/// <see cref="HeldScalars"/>.
/// </remarks>
public sealed class Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7) : Optimizer(learningRate)
{
    public double Beta1 { get; } = beta1;
    public double Beta2 { get; } = beta2;
    public double Epsilon { get; } = epsilon;

    public override torch.optim.Optimizer Bind(IEnumerable<Parameter> parameters) => new KerasAdam(parameters, LearningRate, Beta1, Beta2, Epsilon);

    public override string ToString() => $"Adam(learningRate: {LearningRate}, beta1: {Beta1}, beta2: {Beta2}, epsilon: {Epsilon})";

    /// <summary>torch's Adam with Keras' update; it reads every setting from the parameter group, as a scheduler sets them.</summary>
    private sealed class KerasAdam(IEnumerable<Parameter> parameters, double lr, double beta1, double beta2, double eps)
        : TorchSharp.Modules.Adam(parameters, lr, beta1, beta2, eps)
    {
        public override Tensor step(Func<Tensor>? closure = null) => _step<ParamGroup>(group =>
        {
            var options = group.Options;
            double b1 = options.beta1!.Value, b2 = options.beta2!.Value;
            using var scalars = new HeldScalars();
            Scalar beta1 = scalars.Hold(b1), keep1 = scalars.Hold(1 - b1), beta2 = scalars.Hold(b2), keep2 = scalars.Hold(1 - b2);
            Scalar epsilon = scalars.Hold(options.eps!.Value), one = scalars.Hold(1);
            foreach (var weight in group.Parameters)
            {
                var g = weight.grad;
                if (g is null) continue;
                var state = (State)_state[weight.Handle];
                state.step++;
                double lrT = options.LearningRate!.Value * Math.Sqrt(1 - Math.Pow(b2, state.step)) / (1 - Math.Pow(b1, state.step));
                state.exp_avg.mul_(beta1).add_(g, alpha: keep1);
                state.exp_avg_sq.mul_(beta2).addcmul_(g, g, value: keep2);
                using var denominator = state.exp_avg_sq.sqrt().add_(epsilon, one);   // add_(ε) alone would make its α of 1 a temporary Scalar
                weight.addcdiv_(state.exp_avg, denominator, value: scalars.Hold(-lrT));
            }
        }, closure);
    }
}
