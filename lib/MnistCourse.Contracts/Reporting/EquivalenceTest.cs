namespace MnistCourse.Reporting;

/// <summary>What two one-sided tests concluded about two sets of seeds.</summary>
public enum Equivalence { Equivalent, NotShown, Different }

/// <summary>
/// Are the course's seeds and a Keras-faithful port's seeds the same within a margin? Two one-sided Welch t-tests (TOST):
/// <b>equivalent</b> when both "the course is lower by ≥ margin" and "higher by ≥ margin" are rejected at 5% (the 90% CI
/// of the difference lies inside ±margin); <b>different</b> when the 90% CI lies wholly outside ±margin (shown to differ by
/// more than the margin); otherwise <b>not shown equivalent</b>, with the seeds per side that the observed means and SDs
/// would need. Welch, not Student: the two sides need not have the same spread (other threads, other library).
/// </summary>
/// <example><code>var e = EquivalenceTest.Of(courseSeeds, referenceSeeds); // e.Outcome, e.Text</code></example>
public sealed record EquivalenceTest(double Difference, double StandardError, double DegreesOfFreedom, double PLower, double PUpper,
                                     double Low90, double High90, double Margin, Equivalence Outcome, int? SeedsNeeded, string Text)
{
    public const double DefaultMargin = 0.0015, Alpha = 0.05;
    private const int MostSeedsEstimated = 1000;

    /// <summary>The TOST of <paramref name="course"/> against <paramref name="reference"/> (each at least two values).</summary>
    public static EquivalenceTest Of(IReadOnlyCollection<double> course, IReadOnlyCollection<double> reference, double margin = DefaultMargin)
    {
        if (course.Count < 2 || reference.Count < 2)
            throw new ArgumentException($"The equivalence test needs at least two seeds a side; got {course.Count} of the course and {reference.Count} of the reference (run more seeds).");
        var (a, b) = (SeedStatistics.Of(course), SeedStatistics.Of(reference));
        double d = a.Mean - b.Mean;
        var (se, df) = Welch(a.StandardDeviation, a.Count, b.StandardDeviation, b.Count);
        double pLower, pUpper, half;
        if (se == 0) // every seed equal on both sides: no spread to test with; the difference is exact
            (pLower, pUpper, half, df) = (d > -margin ? 0 : 1, d < margin ? 0 : 1, 0, double.PositiveInfinity);
        else
        {
            pLower = 1 - StudentT.Cdf((d + margin) / se, df); // H0: d ≤ −margin
            pUpper = StudentT.Cdf((d - margin) / se, df);     // H0: d ≥ +margin
            half = StudentT.Quantile(1 - Alpha, df) * se;
        }
        var (low, high) = (d - half, d + half);
        var outcome = Math.Max(pLower, pUpper) < Alpha ? Equivalence.Equivalent
                    : low > margin || high < -margin ? Equivalence.Different : Equivalence.NotShown;
        int? needed = outcome == Equivalence.NotShown ? SeedsPerSide(d, a, b, margin) : null;

        string what = $"the course's mean is {Signed(d)} from the reference's (90% CI {Signed(low)} to {Signed(high)}; margin ±{margin:0.0000}; " +
                      $"TOST p = {Math.Max(pLower, pUpper):0.000}; {a.Count} and {b.Count} seeds)";
        string text = outcome switch
        {
            Equivalence.Equivalent => $"equivalent to a Keras-faithful port: {what}",
            Equivalence.Different => $"different: {what}",
            _ when needed is { } n => $"not shown equivalent (more seeds needed: {n} a side at these means and SDs): {what}",
            _ => $"not shown equivalent (more seeds needed: more would not do at these means, {Math.Abs(d):0.0000} apart against a margin of {margin:0.0000}): {what}",
        };
        return new(d, se, df, pLower, pUpper, low, high, margin, outcome, needed, text);
    }

    /// <summary>Welch's standard error of the difference of two means and its Welch–Satterthwaite degrees of freedom.</summary>
    private static (double se, double df) Welch(double sdA, int nA, double sdB, int nB)
    {
        double va = sdA * sdA / nA, vb = sdB * sdB / nB;
        return (Math.Sqrt(va + vb), (va + vb) * (va + vb) / (va * va / (nA - 1) + vb * vb / (nB - 1)));
    }

    /// <summary>The fewest seeds per side at which the same means and SDs would pass the TOST; null when none would.</summary>
    private static int? SeedsPerSide(double d, SeedStatistics a, SeedStatistics b, double margin)
    {
        if (Math.Abs(d) >= margin) return null;
        for (int n = Math.Max(a.Count, b.Count) + 1; n <= MostSeedsEstimated; n++)
        {
            var (se, df) = Welch(a.StandardDeviation, n, b.StandardDeviation, n);
            if (Math.Abs(d) + StudentT.Quantile(1 - Alpha, df) * se < margin) return n;
        }
        return null;
    }

    private static string Signed(double v) => (v >= 0 ? "+" : "−") + Math.Abs(v).ToString("0.0000");
}
