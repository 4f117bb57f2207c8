using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MnistCourse.Training.Optimizers;

/// <summary>
/// Keras' Adam, defaults lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-7:
/// <c>m = β₁m + (1−β₁)g;  v = β₂v + (1−β₂)g²;  lrₜ = lr·√(1−β₂ᵗ)/(1−β₁ᵗ);  w −= lrₜ·m / (√v + ε)</c>.
/// </summary>
/// <remarks>
/// Why not torch's <c>optim.Adam</c>: it adds ε to √(v/(1−β₂ᵗ)) instead of to √v (Keras' "epsilon hat"),
/// which for early steps is a 32× different ε. Keras' form is written out here with in-place tensor ops.
/// <code>model.Compile(optimizer: new Adam(learningRate: 1e-3), loss: "categorical_crossentropy", metrics: ["accuracy"]);</code>
/// </remarks>
public sealed class Adam(double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7) : Optimizer(learningRate)
{
    public double Beta1 { get; } = beta1;
    public double Beta2 { get; } = beta2;
    public double Epsilon { get; } = epsilon;

    public override IWeightUpdate Bind(IReadOnlyList<Parameter> parameters) => new Update(this, parameters);

    public override string ToString() => $"Adam(learningRate: {LearningRate}, beta1: {Beta1}, beta2: {Beta2}, epsilon: {Epsilon})";

    private sealed class Update : IWeightUpdate
    {
        private readonly Adam _settings;
        private readonly IReadOnlyList<Parameter> _weights;
        private readonly Tensor[] _m, _v;
        private long _t;

        public Update(Adam settings, IReadOnlyList<Parameter> weights)
        {
            _settings = settings;
            _weights = weights;
            _m = weights.Select(w => zeros_like(w).DetachFromDisposeScope()).ToArray();
            _v = weights.Select(w => zeros_like(w).DetachFromDisposeScope()).ToArray();
        }

        public void Step()
        {
            using var _ = no_grad();
            _t++;
            var (b1, b2) = (_settings.Beta1, _settings.Beta2);
            double lrT = _settings.LearningRate * Math.Sqrt(1 - Math.Pow(b2, _t)) / (1 - Math.Pow(b1, _t));
            for (int i = 0; i < _weights.Count; i++)
            {
                var g = _weights[i].grad;
                if (g is null) continue;
                _m[i].mul_(b1).add_(g, alpha: 1 - b1);
                _v[i].mul_(b2).addcmul_(g, g, value: 1 - b2);
                using var denominator = _v[i].sqrt().add_(_settings.Epsilon);
                _weights[i].addcdiv_(_m[i], denominator, value: -lrT);
            }
        }
    }
}
