using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>Exercise on the training loop (lesson 2): one step written by the learner.</summary>
public static partial class Check
{
    /// <summary>
    /// One training step, written by the learner: given a network, its optimizer and a batch (inputs, class indices),
    /// it must update the weights so that the loss on the batch falls.
    /// </summary>
    public delegate void TrainingStepCode(nn.Module<Tensor, Tensor> network, optim.Optimizer optimizer, Tensor x, Tensor labels);

    /// <summary>
    /// Runs <paramref name="step"/> on a small network and a fixed batch, and says whether it trains: the weights must
    /// change, their gradients must not pile up from step to step, and the loss must fall.
    /// </summary>
    public static CheckResult TrainingStep(TrainingStepCode step) => RunCode(seed =>
    {
        ArgumentNullException.ThrowIfNull(step);
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);   // the same batch and weights for one seed
        var x = randn([32, 8], generator: generator);
        var labels = randint(0, 3, [32], generator: generator);
        var network = nn.Linear(8, 3);
        using (no_grad())
            foreach (var p in network.parameters()) p.copy_(randn(p.shape, generator: generator) * 0.1);
        var optimizer = optim.SGD(network.parameters(), 0.1);
        double Loss() { using var _ = no_grad(); return nn.functional.cross_entropy(network.forward(x), labels).item<float>(); }

        double before = Loss();
        var weightsBefore = network.weight!.detach().clone();
        step(network, optimizer, x, labels);
        if (network.weight!.allclose(weightsBefore, rtol: 0, atol: 0))
            return CheckResult.Wrong(network.weight.grad is null
                ? "the weights did not change, and they have no gradients: which call computes them from the loss?"
                : "the weights have gradients but did not change: which call applies the update?");
        // A second step must leave the gradient of its own loss only, not the sum with the first one's.
        step(network, optimizer, x, labels);
        var (weight, bias) = (network.weight.detach().clone(), network.bias!.detach().clone());
        step(network, optimizer, x, labels);
        if (!network.weight.grad!.allclose(GradientAt(weight, bias, x, labels), rtol: 1e-4, atol: 1e-6))
            return CheckResult.Wrong("the gradients pile up from one step to the next: what must happen to them " +
                                     "before the new backward pass?");
        for (int i = 0; i < 20; i++) step(network, optimizer, x, labels);
        double after = Loss();
        return after < before
            ? CheckResult.Right($"the loss on the batch fell from {before:0.000} to {after:0.000} in 23 steps.")
            : CheckResult.Wrong($"the weights move but the loss did not fall ({before:0.000} → {after:0.000}): is the " +
                                "loss computed from this batch's forward pass and labels?");
    }, visibleSeed: 17);

    /// <summary>The gradient of the batch's loss with respect to the weight, computed apart from the learner's step.</summary>
    private static Tensor GradientAt(Tensor weight, Tensor bias, Tensor x, Tensor labels)
    {
        var w = weight.detach().clone().requires_grad_(true);
        var loss = nn.functional.cross_entropy(nn.functional.linear(x, w, bias), labels);
        return autograd.grad([loss], [w])[0];
    }
}
