using MnistCourse.Exercises;

namespace MnistCourse.Tests.Exercises;

/// <summary>What every coding check must do with the learner's code: starter, mistakes, exceptions and endless loops.</summary>
internal static class CodeCheckAssert
{
    /// <summary>The starter's body, as the lessons write it.</summary>
    public static T Starter<T>() => throw new NotImplementedException("your code here");

    public static void NotAnswered(CheckResult result)
    {
        Assert.Equal(CheckStatus.NotAnswered, result.Status);
        Assert.Equal("not-answered", result.HintKind);
        Assert.StartsWith("✗ not answered yet: ", result.ToString());
    }

    /// <summary>Wrong, with a hint of some length whose kind a grader can count.</summary>
    public static void Wrong(CheckResult result, string kind)
    {
        Assert.True(result.Status == CheckStatus.Wrong, result.ToString());
        Assert.Equal(kind, result.HintKind);
        Assert.True(result.Message.Length > 30, $"no hint: {result}");
    }

    public static void ErrorOfKind(CheckResult result, string kind, string inMessage)
    {
        Assert.True(result.Status == CheckStatus.Error, result.ToString());
        Assert.Equal(kind, result.HintKind);
        Assert.Contains(inMessage, result.Message);
    }

    /// <summary>
    /// Runs a check whose learner code calls the given "endless" loop, with a short time limit: the loop spins until the
    /// check has given up, then is released, so no thread keeps spinning in the test process afterwards.
    /// </summary>
    public static CheckResult WithEndlessLoop(Func<Action, CheckResult> check)
    {
        var previous = Check.TimeLimit;
        var released = new CancellationTokenSource();   // not disposed: the loop may read it after the check returned
        Check.TimeLimit = TimeSpan.FromMilliseconds(500);
        try { return check(() => { while (!released.IsCancellationRequested) Thread.SpinWait(1000); }); }
        finally
        {
            Check.TimeLimit = previous;
            released.Cancel();
        }
    }

    /// <summary>The hint names no part of the worked solution's code.</summary>
    public static void HidesCode(CheckResult result, params string[] solutionFragments)
    {
        foreach (var fragment in solutionFragments)
            Assert.DoesNotContain(fragment, result.Message);
    }
}
