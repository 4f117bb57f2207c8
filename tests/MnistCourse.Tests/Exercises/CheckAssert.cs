using System.Globalization;
using System.Text.RegularExpressions;
using MnistCourse.Exercises;

namespace MnistCourse.Tests.Exercises;

/// <summary>What every exercise check must do: pass the right answer, fail a wrong one with a hint that hides the answer.</summary>
internal static class CheckAssert
{
    public static void Passes(CheckResult result)
    {
        Assert.True(result.Passed, result.ToString());
        Assert.StartsWith("✓ ", result.ToString());
    }

    /// <summary>Failed, with a hint, and the expected answer appears nowhere in it (neither as 3216 nor as 3,216).</summary>
    public static void FailsWithoutAnswer(CheckResult result, double expected)
    {
        Assert.False(result.Passed, result.ToString());
        Assert.StartsWith("✗ ", result.ToString());
        Assert.True(result.Message.Length > 20, $"no hint: {result}");
        foreach (var written in AnswerSpellings(expected))
            Assert.False(Regex.IsMatch(result.Message, $@"(?<![\d.,]){Regex.Escape(written)}(?![\d])"),
                         $"the hint gives the answer {written} away: {result}");
    }

    private static IEnumerable<string> AnswerSpellings(double value) => value == Math.Round(value)
        ? [value.ToString("0", CultureInfo.InvariantCulture), value.ToString("N0", CultureInfo.InvariantCulture)]
        : [value.ToString("0.###", CultureInfo.InvariantCulture), value.ToString("0.##", CultureInfo.InvariantCulture)];
}
