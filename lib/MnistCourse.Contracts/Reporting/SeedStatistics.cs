namespace MnistCourse.Reporting;

/// <summary>
/// A figure measured once per random seed, summarised as a reproduction reports it: mean, sample standard deviation,
/// the 95% confidence interval of the mean (Student's t with n − 1 degrees of freedom) and the range.
/// </summary>
/// <example><code>var s = SeedStatistics.Of([0.9849, 0.9871, 0.9880, 0.9871, 0.9868]); // s.Mean 0.98678, s.StandardDeviation 0.00115</code></example>
public sealed record SeedStatistics(int Count, double Mean, double StandardDeviation, double ConfidenceLow, double ConfidenceHigh, double Min, double Max)
{
    /// <summary>Summarises <paramref name="values"/>; with one value the spread and the interval are NaN (nothing to estimate them from).</summary>
    public static SeedStatistics Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("Expected at least one value, got none.", nameof(values));
        int n = values.Count;
        double mean = values.Average();
        double sd = n > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1)) : double.NaN;
        double half = n > 1 ? StudentT.Quantile975(n - 1) * sd / Math.Sqrt(n) : double.NaN;
        return new SeedStatistics(n, mean, sd, mean - half, mean + half, values.Min(), values.Max());
    }
}

/// <summary>The 97.5% quantile of Student's t distribution, for two-sided 95% intervals.</summary>
public static class StudentT
{
    // scipy.stats.t.ppf(0.975, df) for df = 1..30, to 6 decimals.
    private static readonly double[] Table =
    [
        12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139,
        2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905, 2.109816, 2.100922, 2.093024, 2.085963,
        2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.045230, 2.042272,
    ];

    /// <summary>t₀.₉₇₅ with <paramref name="degreesOfFreedom"/> degrees of freedom: tabulated to 30, then Cornish–Fisher's expansion (error below 1e-5).</summary>
    public static double Quantile975(int degreesOfFreedom)
    {
        if (degreesOfFreedom < 1) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "Needs at least 1 degree of freedom (two seeds).");
        if (degreesOfFreedom <= Table.Length) return Table[degreesOfFreedom - 1];
        const double z = 1.959963984540054;
        double v = degreesOfFreedom, z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z, z9 = z7 * z * z;
        return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
                 + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v)
                 + (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / (92160 * v * v * v * v);
    }
}
