using System.Text.RegularExpressions;
using MnistCourse.Exercises;
using MnistCourse.Native;

namespace MnistCourse.Tests.Exercises;

/// <summary>
/// The output-side exercises of lessons 3 and 4, read from the committed notebooks: their sizes must be chosen so that
/// the common wrong formula ⌊(n − k + 1)/s⌋ gives another side than the right ⌊(n − k)/s⌋ + 1 — with 26, 3 and 2 both
/// give 12, and a learner with the wrong formula would get a ✓. (Lessons 1 and 2 are checked by their own tests.)
/// </summary>
public class OutputSideExerciseTests
{
    public OutputSideExerciseTests() => TorchRuntime.EnsureReady();

    private static readonly Regex Call = new(@"Check\.OutputSide\(\w+, input: (\d+), kernel: (\d+), stride: (\d+)\)");

    [Theory]
    [InlineData("03-feature-maps")]
    [InlineData("04-lenet")]
    public void The_wrong_formula_fails_every_output_side_exercise(string lesson)
    {
        var calls = Call.Matches(File.ReadAllText(RepoPaths.Lesson(lesson)));
        Assert.NotEmpty(calls);
        foreach (Match call in calls)
        {
            var (n, k, s) = (int.Parse(call.Groups[1].Value), int.Parse(call.Groups[2].Value), int.Parse(call.Groups[3].Value));
            long wrong = (n - k + 1) / s;
            Assert.NotEqual(Check.MeasuredOutputSide(n, k, s, padding: 0), wrong);
            Assert.False(Check.OutputSide(wrong, input: n, kernel: k, stride: s).Passed, $"{lesson}: ⌊(n − k + 1)/s⌋ = {wrong} passes {call.Value}");
        }
    }

    [Fact]
    public void The_old_sizes_of_lesson_3_let_the_wrong_formula_pass() =>
        Assert.True(Check.OutputSide((26 - 3 + 1) / 2, input: 26, kernel: 3, stride: 2).Passed);   // why the exercise changed
}
