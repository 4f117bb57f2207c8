using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>Exercise on dropout's scaling (lesson 5).</summary>
public static partial class Check
{
    /// <summary>
    /// The factor a dropout layer of <paramref name="rate"/> multiplies the values it keeps by during training.
    /// The expected factor is read from TorchSharp's dropout applied to ones.
    /// </summary>
    public static CheckResult DropoutScale(double answer, double rate) => Run(() =>
    {
        double expected = MeasuredDropoutScale(rate);
        // Rounded to two decimals is right too (4/3 written 1.33); rounded further is not.
        bool Near(double value) => Math.Abs(answer - value) <= 0.005 * Math.Max(1, Math.Abs(value));
        if (Near(expected)) return CheckResult.Right($"{answer:0.###}: with rate {rate}, the kept values are multiplied by {answer:0.###}.");
        if (answer == Unanswered) return NotAnswered("the factor");
        if (Near(1 - rate)) return CheckResult.Wrong("that is the fraction of values kept; the factor makes up for the ones dropped, " +
                                                     "so that the expected sum stays the same.", "keep-fraction");
        if (Near(rate)) return CheckResult.Wrong("that is the fraction dropped; what factor keeps the expected sum of the kept values unchanged?",
                                                 "drop-fraction");
        if (answer == Math.Floor(expected))
            return CheckResult.Wrong("a whole number, where the factor has a fraction: if you divided two whole numbers, C# " +
                                     "divided them as integers (7 / 2 is 3). Write one with a decimal point (7.0 / 2 is 3.5).",
                                     "integer-division");
        return CheckResult.Wrong($"{(answer > expected ? "too large" : "too small")}: if a fraction 1 − rate of the values " +
                                 "survives, what must each be multiplied by for the expected sum to stay the same?",
                                 answer > expected ? "too-large" : "too-small");
    });

    internal static double MeasuredDropoutScale(double rate)
    {
        if (rate is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(rate), "a dropout rate lies strictly between 0 and 1.");
        using var scope = NewDisposeScope();
        return nn.functional.dropout(ones(10_000), rate, training: true).max().item<float>();
    }
}
