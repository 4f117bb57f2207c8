namespace MnistCourse.Reporting;

/// <summary>
/// A figure measured once per random seed, summarised as a reproduction reports it: mean, sample standard deviation,
/// the 95% confidence interval of the mean, the 95% prediction interval of one more run (both Student's t with n − 1
/// degrees of freedom) and the range.
/// </summary>
/// <param name="PredictionLow">mean − t(0.975, n−1)·SD·√(1 + 1/n): where one more run of the same code falls 95% of the time.</param>
/// <example><code>var s = SeedStatistics.Of([0.9849, 0.9871, 0.9880, 0.9871, 0.9868]); // s.Mean 0.98678, s.StandardDeviation 0.00115</code></example>
public sealed record SeedStatistics(int Count, double Mean, double StandardDeviation, double ConfidenceLow, double ConfidenceHigh,
                                    double Min, double Max, double PredictionLow, double PredictionHigh)
{
    /// <summary>Half the width of the mean's 95% confidence interval (NaN with one value).</summary>
    public double ConfidenceHalfWidth => (ConfidenceHigh - ConfidenceLow) / 2;

    /// <summary>Summarises <paramref name="values"/>; with one value the spread and the intervals are NaN (nothing to estimate them from).</summary>
    public static SeedStatistics Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("Expected at least one value, got none.", nameof(values));
        int n = values.Count;
        double mean = values.Average();
        double sd = n > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1)) : double.NaN;
        double t = n > 1 ? StudentT.Quantile(0.975, n - 1) : double.NaN;
        double confidence = t * sd / Math.Sqrt(n), prediction = t * sd * Math.Sqrt(1 + 1.0 / n);
        return new SeedStatistics(n, mean, sd, mean - confidence, mean + confidence, values.Min(), values.Max(),
                                  mean - prediction, mean + prediction);
    }
}
