using MnistCourse.Exercises;
using MnistCourse.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Exercises;

public class DropoutForwardCheckTests
{
    public DropoutForwardCheckTests() => TorchRuntime.EnsureReady();

    /// <summary>The worked solution: a fresh random mask kept with probability 1 − rate, kept values scaled by 1 / (1 − rate).</summary>
    private static Tensor Dropout(Tensor x, double rate, bool training) =>
        training ? x * (torch.rand_like(x) >= rate) / (1 - rate) : x;

    [Fact]
    public void The_untouched_starter_is_not_answered() =>
        CodeCheckAssert.NotAnswered(Check.DropoutForward((x, rate, training) => CodeCheckAssert.Starter<Tensor>()));

    [Fact]
    public void The_worked_solution_passes() => CheckAssert.Passes(Check.DropoutForward(Dropout));

    [Fact]
    public void Torch_dropout_passes_too() =>
        CheckAssert.Passes(Check.DropoutForward((x, rate, training) => nn.functional.dropout(x, rate, training)));

    public static TheoryData<string, Check.DropoutCode> Mistakes() => new()
    {
        { "no-scaling", (x, rate, training) => training ? x * (torch.rand_like(x) >= rate) : x },
        { "scaled-by-keep-probability", (x, rate, training) => training ? x * (torch.rand_like(x) >= rate) * (1 - rate) : x },
        { "drops-keep-probability", (x, rate, training) => training ? x * (torch.rand_like(x) < rate) / (1 - rate) : x },
        { "ignores-eval-mode", (x, rate, training) => x * (torch.rand_like(x) >= rate) / (1 - rate) },
        { "scales-in-eval-mode", (x, rate, training) => training ? Dropout(x, rate, true) : x * (1 - rate) },
        { "never-drops", (x, rate, training) => training ? x / (1 - rate) : x },
        { "same-mask-every-call", (x, rate, training) =>
            training ? x * (torch.rand(x.shape, generator: new Generator(1)) >= rate) / (1 - rate) : x },
        { "changes-input", (x, rate, training) => training ? x.mul_(torch.rand_like(x) >= rate).div_(1 - rate) : x },
        { "wrong-shape", (x, rate, training) => training ? Dropout(x, rate, true).flatten() : x },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_gets_its_own_hint_without_the_code(string kind, Check.DropoutCode mistake)
    {
        var result = Check.DropoutForward(mistake);
        CodeCheckAssert.Wrong(result, kind);
        CodeCheckAssert.HidesCode(result, "rand_like", "1 / (1 −", "1/(1−", ">= rate");
    }

    [Fact]
    public void A_shape_mismatch_names_both_shapes()
    {
        var result = Check.DropoutForward((x, rate, training) => x[..10]);
        CodeCheckAssert.Wrong(result, "wrong-shape");
        Assert.Matches(@"shape \(10, \d+\), the input \(\d+, \d+\)", result.Message);
    }

    [Fact]
    public void An_exception_becomes_a_hint() =>
        CodeCheckAssert.ErrorOfKind(Check.DropoutForward((x, rate, training) => x.reshape(7, -1, 3)),
                                    "exception", "your code threw");

    [Fact]
    public void An_endless_loop_is_stopped_by_the_time_limit() =>
        CodeCheckAssert.ErrorOfKind(CodeCheckAssert.WithEndlessLoop(loop => Check.DropoutForward((x, rate, training) =>
        {
            loop();
            return x;
        })), "timeout", "did not finish");

    [Fact]
    public void The_check_puts_the_random_generator_back()
    {
        torch.manual_seed(9);
        var expected = torch.rand(3).data<float>().ToArray();
        torch.manual_seed(9);
        Check.DropoutForward(Dropout);
        Assert.Equal(expected, torch.rand(3).data<float>().ToArray());
    }

    [Fact]
    public void Hidden_seeds_judge_other_inputs_at_grading_time()
    {
        // Code that special-cases the visible input passes it and fails the hidden ones: the grader's record says so.
        long visibleCount = 0;
        Check.DropoutForward((x, rate, training) => { visibleCount = x.numel(); return Dropout(x, rate, training); });
        Check.DropoutCode cheat = (x, rate, training) => x.numel() == visibleCount ? Dropout(x, rate, training) : x;
        var records = new List<CheckRecord>();
        CellDisplay.Publish(bundle => { records.Add(CheckRecord.FromJson(bundle[CheckRecord.MimeType])!); return true; });
        Environment.SetEnvironmentVariable(Check.HiddenSeedVariable, "42");
        try
        {
            CheckAssert.Passes(Check.DropoutForward(cheat));
            CheckAssert.Passes(Check.DropoutForward(Dropout));
        }
        finally
        {
            Environment.SetEnvironmentVariable(Check.HiddenSeedVariable, null);
            CellDisplay.Publish(null);
        }
        Assert.Equal([HiddenCases.Failed, HiddenCases.Passed], records.Select(r => r.Hidden));
    }
}
