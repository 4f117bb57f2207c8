using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>
/// The checks behind the lessons' exercises. Each one computes the expected answer itself — by building the layer or
/// running the operation in TorchSharp, not from a typed-in number — prints one line (✓, or ✗ and a hint that never
/// gives the answer away) and returns it as a <see cref="CheckResult"/>.
/// </summary>
/// <example><code>int side = 0;   // your answer
/// Check.OutputSide(side, input: 28, kernel: 3, stride: 2);   // "✗ not answered yet: …" until side is right</code></example>
public static partial class Check
{
    /// <summary>The value every exercise starts from: an exercise left at it has not been answered.</summary>
    public const int Unanswered = 0;

    /// <summary>
    /// Judges, prints the line and returns it. Judging may build layers, which draw random initial weights: the global
    /// random generator is put back afterwards, so a check never changes what the lesson's seed produces.
    /// </summary>
    private static CheckResult Run(Func<CheckResult> judge)
    {
        using var randomState = get_rng_state();
        CheckResult result;
        try { result = judge(); }
        finally { set_rng_state(randomState); }
        Console.WriteLine(result);
        return result;
    }

    private static CheckResult NotAnswered(string what) =>
        CheckResult.Wrong($"not answered yet: replace the 0 with {what}.");

    /// <summary>A generic hint for a whole-number answer: which way it is off, never by how much.</summary>
    private static string Direction(long answer, long expected) => answer > expected ? "too large" : "too small";
}
