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

    /// <summary>Failed as a wrong answer of the named kind, with a hint that is not the starter's.</summary>
    public static void FailsAs(CheckResult result, string kind)
    {
        Assert.True(result.Status == CheckStatus.Wrong, result.ToString());
        Assert.Equal(kind, result.HintKind);
        Assert.StartsWith("✗ ", result.ToString());
        Assert.True(result.Message.Length > 20, $"no hint: {result}");
    }

    /// <summary>The untouched starter of a coding exercise: not answered, not an error.</summary>
    public static void NotAnswered(CheckResult result)
    {
        Assert.Equal(CheckStatus.NotAnswered, result.Status);
        Assert.Equal("not-answered", result.HintKind);
        Assert.Contains("NotImplementedException", result.Message);
    }

    /// <summary>An exception of the learner's code becomes an error hint that names it.</summary>
    public static void ErrorNaming(CheckResult result, string exception)
    {
        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Equal("exception", result.HintKind);
        Assert.Contains(exception, result.Message);
    }

    /// <summary>Runs <paramref name="check"/> with a short time limit (restored after): code that runs on past it is a timeout.</summary>
    public static void TimesOut(Func<CheckResult> check)
    {
        var limit = Check.TimeLimit;
        Check.TimeLimit = TimeSpan.FromMilliseconds(200);
        try
        {
            var result = check();
            Assert.Equal(CheckStatus.Error, result.Status);
            Assert.Equal("timeout", result.HintKind);
        }
        finally { Check.TimeLimit = limit; }
    }

    /// <summary>Busy for two seconds: "endless" for a 200 ms limit, and it ends, so no core stays busy after the test.</summary>
    public static void SpinLongerThanTheLimit()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(2)) { }
    }

    private static IEnumerable<string> AnswerSpellings(double value) => value == Math.Round(value)
        ? [value.ToString("0", CultureInfo.InvariantCulture), value.ToString("N0", CultureInfo.InvariantCulture)]
        : [value.ToString("0.###", CultureInfo.InvariantCulture), value.ToString("0.##", CultureInfo.InvariantCulture)];
}
