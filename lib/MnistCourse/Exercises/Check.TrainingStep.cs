using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>Coding exercise of lesson 2: one training step written by the learner.</summary>
public static partial class Check
{
    /// <summary>
    /// One training step, written by the learner: given a network (it returns logits), its optimizer and a batch
    /// (inputs, class indices), update the weights once with the cross-entropy of this batch.
    /// </summary>
    public delegate void TrainingStepCode(nn.Module<Tensor, Tensor> network, optim.Optimizer optimizer, Tensor x, Tensor labels);

    /// <summary>
    /// Runs <paramref name="step"/> twice on a small network and a batch drawn from the seed, and compares the weights
    /// after each step with those of a reference step (zero_grad, forward, cross-entropy, backward, step) run on an
    /// identical copy. A missing update shows on the first step, gradients left over from the previous step on the
    /// second; each kind of difference gets its own hint.
    /// </summary>
    public static CheckResult TrainingStep(TrainingStepCode step) => RunCode(seed =>
    {
        ArgumentNullException.ThrowIfNull(step);
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        int batch = (int)randint(8, 33, [1], generator: generator).item<long>();
        int features = (int)randint(4, 11, [1], generator: generator).item<long>();
        int classes = (int)randint(3, 7, [1], generator: generator).item<long>();
        var x = randn([batch, features], generator: generator);
        var labels = randint(0, classes, [batch], generator: generator);
        var yours = SmallNetwork(features, classes, generator);
        var reference = SmallNetwork(features, classes, generator: null);
        CopyWeights(from: yours, to: reference);
        var yourOptimizer = optim.SGD(yours.parameters(), 0.1);
        var referenceOptimizer = optim.SGD(reference.parameters(), 0.1);
        var before = Weights(yours);

        for (int n = 1; n <= 2; n++)
        {
            step(yours, yourOptimizer, x, labels);
            ReferenceStep(reference, referenceOptimizer, x, labels);
            var (got, expected) = (Weights(yours), Weights(reference));
            if (got.allclose(expected, rtol: 1e-4, atol: 1e-6)) continue;
            return JudgeStep(n, yours, got, n == 1 ? before : null, expected);
        }
        double lossBefore = LossOf(before, reference, x, labels), lossAfter = LossOf(Weights(yours), reference, x, labels);
        return CheckResult.Right($"after one step and after two, your weights equal the reference step's; the batch's loss " +
                                 $"fell from {lossBefore:0.000} to {lossAfter:0.000}.");
    }, visibleSeed: 17);

    /// <summary>What went wrong in step <paramref name="n"/>, judged from the weights and gradients the learner's step left.</summary>
    private static CheckResult JudgeStep(int n, nn.Module<Tensor, Tensor> yours, Tensor got, Tensor? before, Tensor expected)
    {
        var grads = yours.parameters().Select(p => p.grad).ToList();
        if (n == 1 && before is not null && got.allclose(before, rtol: 0, atol: 0))
        {
            if (grads.Any(g => g is null))
                return CheckResult.Wrong("after your step the weights did not change and have no gradients: which call " +
                                         "computes them from the loss?", "missing-backward");
            if (grads.All(g => g!.count_nonzero().item<long>() == 0))
                return CheckResult.Wrong("the weights did not change and their gradients are all zero when your step ends: " +
                                         "were they cleared after being computed, before the update?", "zeroed-before-step");
            return CheckResult.Wrong("the weights have gradients but did not change: which call applies the update?", "missing-step");
        }
        if (n == 2)
            return CheckResult.Wrong("your first step matches the reference, the second does not: what is left over from the " +
                                     "first step when the second backward pass runs?", "missing-zero-grad");
        // Moved, but not as the reference: compare the direction and length of the two moves.
        var (mine, theirs) = (got - before!, expected - before!);
        double cosine = (mine * theirs).sum().item<float>() / (mine.norm().item<float>() * theirs.norm().item<float>() + 1e-12);
        if (cosine > 0.999)
            return CheckResult.Wrong($"your step moves the weights the right way but {mine.norm().item<float>() / theirs.norm().item<float>():0.##} " +
                                     "times as far: is backward called once, on the batch's mean loss?", "wrong-scale");
        return CheckResult.Wrong("the weights moved, but not as the cross-entropy of this batch moves them: is the loss computed " +
                                 "from the network's output on x (the logits) and the labels?", "wrong-loss");
    }

    private static nn.Module<Tensor, Tensor> SmallNetwork(int features, int classes, Generator? generator)
    {
        var network = nn.Sequential(("hidden", nn.Linear(features, 8)), ("relu", nn.ReLU()), ("output", nn.Linear(8, classes)));
        if (generator is not null)
            using (no_grad())
                foreach (var p in network.parameters()) p.copy_(randn(p.shape, generator: generator) * 0.3);
        return network;
    }

    private static void CopyWeights(nn.Module<Tensor, Tensor> from, nn.Module<Tensor, Tensor> to)
    {
        using var _ = no_grad();
        foreach (var (source, target) in from.parameters().Zip(to.parameters())) target.copy_(source);
    }

    /// <summary>Every weight of the network in one flat tensor, detached.</summary>
    private static Tensor Weights(nn.Module<Tensor, Tensor> network) =>
        cat(network.parameters().Select(p => p.detach().flatten()).ToList(), 0).clone();

    private static void ReferenceStep(nn.Module<Tensor, Tensor> network, optim.Optimizer optimizer, Tensor x, Tensor labels)
    {
        optimizer.zero_grad();
        nn.functional.cross_entropy(network.forward(x), labels).backward();
        optimizer.step();
    }

    /// <summary>The batch's loss with the given flat weights, on a scratch copy of the reference network.</summary>
    private static double LossOf(Tensor weights, nn.Module<Tensor, Tensor> like, Tensor x, Tensor labels)
    {
        using var _ = no_grad();
        var saved = Weights(like);
        Load(like, weights);
        double loss = nn.functional.cross_entropy(like.forward(x), labels).item<float>();
        Load(like, saved);
        return loss;
    }

    private static void Load(nn.Module<Tensor, Tensor> network, Tensor flat)
    {
        long offset = 0;
        foreach (var p in network.parameters())
        {
            p.copy_(flat.narrow(0, offset, p.numel()).reshape(p.shape));
            offset += p.numel();
        }
    }
}
