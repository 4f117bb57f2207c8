using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>Coding exercise of lesson 1 (d2l 7.2.4, "learning a kernel"): recover an edge kernel by gradient descent.</summary>
public static partial class Check
{
    /// <summary>How near every learned weight must come to the kernel that made the edge map.</summary>
    public const double KernelTolerance = 0.05;

    /// <summary>
    /// The learner's loop: <paramref name="kernel"/> (1, 1, 3, 3, all zeros, with gradients on) must be updated in place
    /// until <c>conv2d(image, kernel)</c> reproduces <paramref name="edges"/>.
    /// </summary>
    public delegate void LearnKernelCode(Tensor image, Tensor edges, Tensor kernel);

    /// <summary>
    /// Draws an image and a 3×3 edge kernel (weights summing to 0) from the seed, makes the edge map with
    /// <c>conv2d</c> (a conv layer's correlation), runs <paramref name="learn"/> from a zero kernel and checks that every
    /// learned weight is within <see cref="KernelTolerance"/> of the true one.
    /// </summary>
    public static CheckResult LearnKernel(LearnKernelCode learn) => RunCode(seed =>
    {
        ArgumentNullException.ThrowIfNull(learn);
        using var scope = NewDisposeScope();
        var generator = new Generator((ulong)seed);
        long height = randint(10, 17, [1], generator: generator).item<long>(), width = randint(10, 17, [1], generator: generator).item<long>();
        var image = randn([1, 1, height, width], generator: generator);
        var truth = randn([1, 1, 3, 3], generator: generator);
        truth -= truth.mean();   // an edge kernel: a uniform patch gives 0
        var edges = nn.functional.conv2d(image, truth);
        var kernel = zeros(1, 1, 3, 3).requires_grad_(true);

        learn(image.clone(), edges.clone(), kernel);

        var learned = kernel.detach();
        double start = truth.abs().max().item<float>(), off = (learned - truth).abs().max().item<float>();
        if (!double.IsFinite(off) || off > start)
            return CheckResult.Wrong("the kernel moved away from the one that made the edge map (or became NaN): each update " +
                                     "overshoots. Is the learning rate too large for your loss (a sum over all outputs needs a " +
                                     "smaller one than a mean)?", "diverged");
        if (learned.count_nonzero().item<long>() == 0)
            return kernel.grad is null
                ? CheckResult.Wrong("the kernel is still all zeros and has no gradient: is the loss computed with this kernel, and " +
                                    "which call computes its gradient from the loss?",
                                    "missing-backward")
                : CheckResult.Wrong("the kernel has a gradient but is still all zeros: update the kernel tensor itself, in " +
                                    "place, under no_grad.", "missing-update");
        if (off <= KernelTolerance)
            return CheckResult.Right($"every learned weight is within {KernelTolerance} of the kernel that made the " +
                                     $"{height}×{width} image's edge map (largest difference {off:0.0000}).");
        return CheckResult.Wrong($"the kernel moved towards the true one but a weight is still {off:0.00} away (the goal: within " +
                                 $"{KernelTolerance}). More steps, a larger learning rate, or gradients that pile up from step to step?",
                                 "not-converged");
    }, visibleSeed: 7);
}
