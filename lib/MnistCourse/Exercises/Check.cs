using System.Runtime.CompilerServices;
using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>
/// The checks behind the lessons' exercises. Each one computes the expected answer itself — by building the layer or
/// running the operation in TorchSharp, not from a typed-in number — shows one line (✓, or ✗ and a hint that never
/// gives the answer away) and returns it as a <see cref="CheckResult"/>. Beside the line it emits a
/// <see cref="CheckRecord"/> for graders (<see cref="CellDisplay"/>), which learners do not see.
/// </summary>
/// <example><code>int side = 0;   // your answer
/// Check.OutputSide(side, input: 28, kernel: 3, stride: 2);   // "✗ not answered yet: …" until side is right</code></example>
public static partial class Check
{
    /// <summary>The value every exercise starts from: an exercise left at it has not been answered.</summary>
    public const int Unanswered = 0;

    /// <summary>
    /// Set by <c>./course grade</c>: the seed of the inputs a coding check also runs at grading time, inputs the learner
    /// never saw, so that code which special-cases the shown inputs is caught.
    /// </summary>
    public const string HiddenSeedVariable = "MNISTCOURSE_HIDDEN_SEED";

    /// <summary>How long a check waits for the learner's code before calling it an endless loop.</summary>
    public static TimeSpan TimeLimit { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Judges an answer (no learner code runs), shows the line and returns it. Judging may build layers, which draw
    /// random initial weights: the global random generator is put back afterwards, so a check never changes what the
    /// lesson's seed produces.
    /// </summary>
    private static CheckResult Run(Func<CheckResult> judge, [CallerMemberName] string check = "") =>
        Report(check, Judge(() => judge()), HiddenCases.NotRun);

    /// <summary>
    /// Judges the learner's code on the inputs drawn from <paramref name="visibleSeed"/> and, at grading time, again on
    /// inputs drawn from hidden seeds. The learner's code runs with a time limit; an exception it throws becomes a
    /// hint. The line shown is the visible result; the record also says how the hidden inputs went.
    /// </summary>
    private static CheckResult RunCode(Func<int, CheckResult> judgeOnSeed, int visibleSeed, [CallerMemberName] string check = "")
    {
        var visible = Judge(() => judgeOnSeed(visibleSeed));
        var hidden = HiddenCases.NotRun;
        if (visible.Passed && HiddenSeeds() is { } seeds)
            hidden = seeds.All(seed => Judge(() => judgeOnSeed(seed)).Passed) ? HiddenCases.Passed : HiddenCases.Failed;
        return Report(check, visible, hidden);
    }

    /// <summary>Three seeds derived from <see cref="HiddenSeedVariable"/>, or null outside grading.</summary>
    private static int[]? HiddenSeeds() =>
        int.TryParse(Environment.GetEnvironmentVariable(HiddenSeedVariable), out var seed)
            ? [unchecked(seed * 7919 + 1), unchecked(seed * 7919 + 2), unchecked(seed * 7919 + 3)]
            : null;

    private static CheckResult Judge(Func<CheckResult> judge)
    {
        using var randomState = get_rng_state();
        try
        {
            var run = Task.Run(judge);
            if (!run.Wait(TimeLimit))
                return CheckResult.Error($"your code did not finish within {TimeLimit.TotalSeconds:0} s: is there a loop that never ends?",
                                         "timeout");
            return run.Result;
        }
        catch (AggregateException wrapped) when (wrapped.InnerException is { } error)
        {
            return StarterUntouched(error) ?? CheckResult.Error($"your code threw {error.GetType().Name}: {FirstLine(error.Message)}");
        }
        finally { set_rng_state(randomState); }
    }

    private static CheckResult Report(string check, CheckResult result, HiddenCases hidden)
    {
        var line = result.ToString();
        var record = new CheckRecord(check, result.Status, result.HintKind, hidden);
        if (!CellDisplay.TryShow(new Dictionary<string, string> { ["text/plain"] = line, [CheckRecord.MimeType] = record.ToJson() }))
            Console.WriteLine(line);
        return result;
    }

    /// <summary>
    /// A coding exercise's starter throws <c>NotImplementedException("your code here")</c>: still throwing it means the
    /// exercise has not been answered yet, which is not a mistake.
    /// </summary>
    private static CheckResult? StarterUntouched(Exception error) => error is NotImplementedException
        ? CheckResult.NotAnswered("replace the line `throw new NotImplementedException(...)` with your code.")
        : null;

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static CheckResult NotAnswered(string what) => CheckResult.NotAnswered($"replace the 0 with {what}.");

    /// <summary>A generic hint for a whole-number answer: which way it is off, never by how much.</summary>
    private static string Direction(long answer, long expected) => answer > expected ? "too large" : "too small";
}
