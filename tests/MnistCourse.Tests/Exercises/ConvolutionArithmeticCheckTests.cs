using MnistCourse.Exercises;
using MnistCourse.Native;

namespace MnistCourse.Tests.Exercises;

public class ConvolutionArithmeticCheckTests
{
    public ConvolutionArithmeticCheckTests() => TorchRuntime.EnsureReady();

    [Theory]
    [InlineData(28, 3, 2, 0, 13)]   // lesson 1's correction: not 14
    [InlineData(28, 3, 1, 1, 28)]
    [InlineData(5, 3, 1, 2, 7)]     // full padding
    [InlineData(32, 5, 1, 0, 28)]   // LeNet-5's first layer on the paper's input
    public void Output_side_is_measured_with_conv2d(int input, int kernel, int stride, int padding, long side)
    {
        Assert.Equal(side, Check.MeasuredOutputSide(input, kernel, stride, padding));
        CheckAssert.Passes(Check.OutputSide(side, input, kernel, stride, padding));
    }

    [Theory]
    [InlineData(0, "not answered")]
    [InlineData(12, "one short")]
    [InlineData(14, "divides the input's side")]
    [InlineData(20, "too large")]
    [InlineData(5, "too small")]
    public void Wrong_output_side_gets_a_hint_without_the_answer(long answer, string hint)
    {
        var result = Check.OutputSide(answer, input: 28, kernel: 3, stride: 2);
        CheckAssert.FailsWithoutAnswer(result, 13);
        Assert.Contains(hint, result.Message);
    }

    [Fact]
    public void Padding_that_keeps_the_size_passes_and_others_fail_without_the_answer()
    {
        CheckAssert.Passes(Check.PaddingThatKeepsSize(2, input: 28, kernel: 5));
        CheckAssert.Passes(Check.PaddingThatKeepsSize(1, input: 28, kernel: 3));
        foreach (var wrong in new[] { 0, 1, 3, 5 })
            CheckAssert.FailsWithoutAnswer(Check.PaddingThatKeepsSize(wrong, input: 28, kernel: 5), 2);
        Assert.Contains("0 or more", Check.PaddingThatKeepsSize(-1, input: 28, kernel: 5).Message);
    }

    [Fact]
    public void Receptive_field_is_measured_from_gradients()
    {
        (int, int)[] lesson2 = [(3, 1), (2, 2), (3, 1), (2, 2), (3, 1)];
        Assert.Equal(3, Check.MeasuredReceptiveField([(3, 1)]));
        Assert.Equal(8, Check.MeasuredReceptiveField(lesson2[..3]));
        Assert.Equal(18, Check.MeasuredReceptiveField(lesson2));   // lesson 3's figure for conv2d_2
        CheckAssert.Passes(Check.ReceptiveField(8, lesson2[..3]));
        var flat = Check.ReceptiveField(1 + 2 + 1 + 2, lesson2[..3]);
        CheckAssert.FailsWithoutAnswer(flat, 8);
        Assert.Contains("jump doubles", flat.Message);
        CheckAssert.FailsWithoutAnswer(Check.ReceptiveField(0, lesson2[..3]), 8);
        CheckAssert.FailsWithoutAnswer(Check.ReceptiveField(28, lesson2[..3]), 8);
    }

    /// <summary>
    /// The common wrong formula ⌊(n + 2p − k + 1)/s⌋ equals the right one whenever n + 2p − k is odd and s = 2 (and always
    /// at s = 1): lesson 1's exercise 1 uses sizes where it falls one short, and the check says so.
    /// </summary>
    [Theory]
    [InlineData(28, 7, 3, 0)]   // lesson 1, exercise 1
    public void The_wrong_formula_fails_lesson_1s_output_side_exercise(int input, int kernel, int stride, int padding)
    {
        long wrongFormula = (input + 2 * padding - kernel + 1) / stride;
        long right = (input + 2 * padding - kernel) / stride + 1;
        Assert.NotEqual(right, wrongFormula);
        var result = Check.OutputSide(wrongFormula, input, kernel, stride, padding);
        CheckAssert.FailsWithoutAnswer(result, right);
        Assert.Equal("off-by-one", result.HintKind);
    }

    [Fact]
    public void The_generic_hint_names_the_formula_with_letters_only()
    {
        var result = Check.OutputSide(20, input: 28, kernel: 4, stride: 2);
        Assert.Equal("wrong-size", result.HintKind);
        Assert.DoesNotContain("28", result.Message);
        Assert.Contains("⌊(n + 2p − k)/s⌋ + 1", result.Message);
    }
}
