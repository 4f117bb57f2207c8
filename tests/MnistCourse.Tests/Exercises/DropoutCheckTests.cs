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
    [InlineData(0, "not answered")]
    [InlineData(0.75, "fraction of values kept")]
    [InlineData(0.25, "fraction dropped")]
    [InlineData(4, "too large")]
    public void Wrong_scale_gets_a_hint_without_the_answer(double answer, string hint)
    {
        var result = Check.DropoutScale(answer, rate: 0.25);
        CheckAssert.FailsWithoutAnswer(result, 4.0 / 3);
        Assert.Contains(hint, result.Message);
    }
}
