using MnistCourse.Exercises;
using MnistCourse.Native;

namespace MnistCourse.Tests.Exercises;

public class ParameterCheckTests
{
    public ParameterCheckTests() => TorchRuntime.EnsureReady();

    [Theory]
    [InlineData(64, 3, 32, 18_496)]   // lesson 2's conv2d_1
    [InlineData(16, 5, 8, 3_216)]
    public void Conv_count_passes(int filters, int kernel, int channels, long count) =>
        CheckAssert.Passes(Check.ConvParameters(count, filters, kernel, channels));

    [Theory]
    [InlineData(0, "not answered")]
    [InlineData(16 * 5 * 5 * 8, "bias")]
    [InlineData(16 * (5 * 5 + 1), "every input channel")]
    [InlineData(99_999, "too large")]
    public void Wrong_conv_count_gets_a_hint_without_the_answer(long answer, string hint)
    {
        var result = Check.ConvParameters(answer, filters: 16, kernel: 5, inputChannels: 8);
        CheckAssert.FailsWithoutAnswer(result, 3_216);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Dense_count_passes_and_wrong_ones_get_hints_without_the_answer()
    {
        CheckAssert.Passes(Check.DenseParameters(48_120, inputs: 400, units: 120));
        foreach (var (answer, hint) in new[] { (0L, "not answered"), (48_000L, "bias"), (520L, "multiply"), (1L, "too small") })
        {
            var result = Check.DenseParameters(answer, inputs: 400, units: 120);
            CheckAssert.FailsWithoutAnswer(result, 48_120);
            Assert.Contains(hint, result.Message);
        }
    }
}
