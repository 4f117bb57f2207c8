using MnistCourse.Exercises;
using MnistCourse.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Exercises;

/// <summary>Lesson 1's second coding exercise: recover the kernel of an edge map by gradient descent (d2l 7.2.4).</summary>
public class LearnKernelCheckTests
{
    public LearnKernelCheckTests() => TorchRuntime.EnsureReady();

    /// <summary>The worked solution's loop, with its settings open so that the wrong variants below can change them.</summary>
    private static void Descend(Tensor image, Tensor edges, Tensor kernel, int steps = 100, double lr = 0.1,
                                bool zeroGrad = true, bool backward = true, bool update = true)
    {
        for (int i = 0; i < steps; i++)
        {
            var loss = (nn.functional.conv2d(image, kernel) - edges).pow(2).mean();
            if (backward) loss.backward();
            using (no_grad())
            {
                if (update) kernel.sub_(lr * kernel.grad!);
                if (zeroGrad && kernel.grad is not null) kernel.grad.zero_();
            }
        }
    }

    [Fact]
    public void The_untouched_starter_is_not_answered() =>
        CheckAssert.NotAnswered(Check.LearnKernel((image, edges, kernel) => throw new NotImplementedException("your code here")));

    [Fact]
    public void The_worked_solution_passes() => CheckAssert.Passes(Check.LearnKernel((i, e, k) => Descend(i, e, k)));

    [Fact]
    public void Too_few_steps_are_not_converged()
    {
        var result = Check.LearnKernel((i, e, k) => Descend(i, e, k, steps: 3));
        CheckAssert.FailsAs(result, "not-converged");
        Assert.Contains("within 0.05", result.Message);
    }

    [Fact]
    public void Too_large_a_learning_rate_diverges() =>
        CheckAssert.FailsAs(Check.LearnKernel((i, e, k) => Descend(i, e, k, lr: 5)), "diverged");

    [Fact]
    public void Gradients_left_to_pile_up_do_not_reach_the_kernel() =>
        Assert.NotEqual(CheckStatus.Solved, Check.LearnKernel((i, e, k) => Descend(i, e, k, zeroGrad: false)).Status);

    [Fact]
    public void A_loop_that_never_updates_the_kernel_is_told_so() =>
        CheckAssert.FailsAs(Check.LearnKernel((i, e, k) => Descend(i, e, k, update: false)), "missing-update");

    [Fact]
    public void Updating_a_copy_instead_of_the_kernel_is_told_so() =>
        CheckAssert.FailsAs(Check.LearnKernel((image, edges, kernel) =>
        {
            var copy = kernel.detach().clone().requires_grad_(true);   // the kernel itself never moves
            Descend(image, edges, copy);
        }), "missing-backward");

    [Fact]
    public void An_exception_becomes_a_hint_that_names_it() =>
        CheckAssert.ErrorNaming(Check.LearnKernel((image, edges, kernel) =>
            (nn.functional.conv2d(image, kernel, padding: [1, 1]) - edges).pow(2).mean().backward()),   // 'same' vs 'valid' shapes
            "ExternalException");

    [Fact]
    public void An_endless_loop_is_stopped_by_the_time_limit() =>
        CheckAssert.TimesOut(() => Check.LearnKernel((i, e, k) => CheckAssert.SpinLongerThanTheLimit()));
}
