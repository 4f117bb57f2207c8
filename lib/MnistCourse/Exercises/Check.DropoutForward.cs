using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>Exercise on dropout's forward pass (lesson 5), written by the learner.</summary>
public static partial class Check
{
    /// <summary>The learner's dropout: <paramref name="x"/> through a dropout of <paramref name="rate"/>, in training mode or not.</summary>
    public delegate Tensor DropoutCode(Tensor x, double rate, bool training);

    /// <summary>
    /// Runs <paramref name="dropout"/> on a large positive tensor at a rate drawn from the seed (never ½, where dropping
    /// with probability rate and with 1 − rate look alike) and measures: evaluation mode returns the input; in training,
    /// the fraction of values kept, the factor the kept ones are multiplied by, the mean, and that two calls draw
    /// different masks. Each known mistake gets its own hint kind.
    /// </summary>
    public static CheckResult DropoutForward(DropoutCode dropout) => RunCode(seed =>
    {
        ArgumentNullException.ThrowIfNull(dropout);
        using var scope = NewDisposeScope();
        var random = new Random(seed);
        double rate = new[] { 0.2, 0.25, 0.3, 0.4, 0.6, 0.7, 0.75 }[random.Next(7)];
        double keep = 1 - rate;
        var x = rand([random.Next(80, 121), random.Next(150, 251)], generator: new Generator((ulong)seed)) + 0.5;
        var original = x.clone();
        long n = x.numel();

        var evaluated = dropout(x, rate, false);
        if (ShapeMismatch(evaluated, x) is { } evalShape) return evalShape;
        if (!evaluated.allclose(original, rtol: 1e-6, atol: 1e-6))
        {
            if (evaluated.eq(0).any().item<bool>())
                return CheckResult.Wrong("in evaluation mode (training false) your dropout still zeroes values: there it must " +
                                         "let every value through.", "ignores-eval-mode");
            return CheckResult.Wrong("in evaluation mode (training false) your dropout changes the values: training already " +
                                     "scaled the kept ones, so evaluation returns the input as it is.", "scales-in-eval-mode");
        }

        var trained = dropout(x, rate, true);
        if (ShapeMismatch(trained, x) is { } trainShape) return trainShape;
        if (!x.eq(original).all().item<bool>())
            return CheckResult.Wrong("your dropout changed the tensor it was given: compute the result into a new tensor.",
                                     "changes-input");
        var kept = trained.ne(0);
        double keptFraction = kept.to(float32).mean().item<float>();
        // The kept fraction is binomial: allow 5 standard deviations.
        double tolerance = 5 * Math.Sqrt(keep * rate / n);
        if (keptFraction == 1)
            return CheckResult.Wrong("in training mode your dropout zeroed nothing: each value must be dropped with " +
                                     "probability rate.", "never-drops");
        if (Math.Abs(keptFraction - rate) <= tolerance)
            return CheckResult.Wrong($"at rate {rate} your dropout kept {keptFraction:0.0%} of the values: that is dropping " +
                                     "with the probability of keeping. Rate is the probability of being dropped.",
                                     "drops-keep-probability");
        if (Math.Abs(keptFraction - keep) > tolerance)
            return CheckResult.Wrong($"at rate {rate} your dropout kept {keptFraction:0.0%} of the values: each value must be " +
                                     "dropped with probability rate, on its own.", "wrong-kept-fraction");

        var factors = trained.masked_select(kept) / x.masked_select(kept);
        double factor = factors.mean().item<float>();
        bool Near(double value) => Math.Abs(factor - value) < 1e-3 * value;
        if (!factors.allclose(full_like(factors, factor), rtol: 1e-4, atol: 1e-5))
            return CheckResult.Wrong("the values you keep are not all multiplied by the same factor.", "uneven-scale");
        if (Near(1))
            return CheckResult.Wrong("the values you keep come out unchanged: the mean then falls by the fraction dropped. " +
                                     "What must the kept values be multiplied by?", "no-scaling");
        if (Near(keep))
            return CheckResult.Wrong("you multiply the kept values by the fraction kept: that lowers the mean further. " +
                                     "The factor must make up for the values dropped.", "scaled-by-keep-probability");
        if (!Near(1 / keep))
            return CheckResult.Wrong($"the kept values are multiplied by {factor:0.###}: {(factor > 1 / keep ? "too much" : "too little")} " +
                                     "to keep the mean of the output equal to the input's.", "wrong-scale");

        if (dropout(x, rate, true).ne(0).eq(kept).all().item<bool>())
            return CheckResult.Wrong("two calls dropped exactly the same values: the mask must be drawn at random, anew on " +
                                     "every call.", "same-mask-every-call");
        double meanIn = original.mean().item<float>(), meanOut = trained.mean().item<float>();
        return CheckResult.Right($"at rate {rate} your dropout kept {keptFraction:0.0%} of {n:N0} values, the output's mean " +
                                 $"is {meanOut:0.000} against the input's {meanIn:0.000}, and evaluation mode returned the input.");
    }, visibleSeed: 7);

    private static CheckResult? ShapeMismatch(Tensor? answer, Tensor input) =>
        answer is null ? CheckResult.Wrong("your function returned null: return a tensor.", "no-result")
        : answer.shape.SequenceEqual(input.shape) ? null
        : CheckResult.Wrong($"your output has shape ({string.Join(", ", answer.shape)}), the input ({string.Join(", ", input.shape)}): " +
                            "dropout keeps the shape.", "wrong-shape");
}
