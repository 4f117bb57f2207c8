using MnistCourse.Exercises;
using MnistCourse.Native;

namespace MnistCourse.Tests.Exercises;

public class DropoutCheckTests
{
    public DropoutCheckTests() => TorchRuntime.EnsureReady();

    [Fact]
    public void Scale_is_read_from_torch_dropout()
    {
        Assert.Equal(2.0, Check.MeasuredDropoutScale(0.5), 5);
        Assert.Equal(4.0 / 3, Check.MeasuredDropoutScale(0.25), 5);
        CheckAssert.Passes(Check.DropoutScale(1.3333, rate: 0.25));
        CheckAssert.Passes(Check.DropoutScale(4.0 / 3, rate: 0.25));
    }

    [Theory]
    [InlineData(1.33)]    // rounded to two decimals
    [InlineData(1.333)]
    public void A_rounded_scale_passes(double answer) => CheckAssert.Passes(Check.DropoutScale(answer, rate: 0.25));

    [Theory]
    [InlineData(0, "not answered", "not-answered")]
    [InlineData(0.75, "fraction of values kept", "keep-fraction")]
    [InlineData(0.25, "fraction dropped", "drop-fraction")]
    [InlineData(4, "too large", "too-large")]
    [InlineData(1.3, "too small", "too-small")]        // rounded too far
    [InlineData((double)(4 / 3), "as integers", "integer-division")]   // C#'s 4 / 3 is 1
    public void Wrong_scale_gets_a_hint_without_the_answer(double answer, string hint, string kind)
    {
        var result = Check.DropoutScale(answer, rate: 0.25);
        CheckAssert.FailsWithoutAnswer(result, 4.0 / 3);
        Assert.Contains(hint, result.Message);
        Assert.Equal(kind, result.HintKind);
        Assert.DoesNotContain("4 / 3", result.Message);   // the hint's example divides other numbers
    }
}
