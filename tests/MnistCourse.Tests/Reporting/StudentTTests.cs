using MnistCourse.Reporting;

namespace MnistCourse.Tests.Reporting;

/// <summary>Student's t, computed (not tabulated), against scipy 1.10 (Debian's python3-scipy) values written in here.</summary>
public class StudentTTests
{
    [Theory]
    // scipy.stats.t.ppf(p, df); fractional df are what Welch's test gives
    [InlineData(0.975, 1, 12.706204736432095)]
    [InlineData(0.975, 4, 2.7764451051977987)]
    [InlineData(0.975, 9, 2.2621571627409915)]
    [InlineData(0.975, 30, 2.0422724563012373)]
    [InlineData(0.975, 1000, 1.9623390808264074)]
    [InlineData(0.95, 4, 2.13184678133629)]
    [InlineData(0.95, 7.3, 1.8829300179371542)]
    [InlineData(0.995, 2.5, 7.16372813402124)]
    [InlineData(0.025, 4, -2.7764451051977996)]
    public void Quantile_matches_scipy(double p, double df, double expected) =>
        // 1e-8, not tighter: scipy's ppf itself is only that good here (t.cdf(t.ppf(0.95, 4), 4) = 0.9499999997194165),
        // while Cdf below agrees with scipy's t.cdf to 1e-11.
        Assert.Equal(expected, StudentT.Quantile(p, df), 1e-8);

    [Theory]
    // scipy.stats.t.cdf(t, df)
    [InlineData(2.0, 3, 0.9303370157205785)]
    [InlineData(-1.5, 7.3, 0.08778154640154301)]
    [InlineData(0.3, 1, 0.5927735790777423)]
    [InlineData(10.0, 2.5, 0.9977792521163463)]
    public void Cdf_matches_scipy(double t, double df, double expected) =>
        Assert.Equal(expected, StudentT.Cdf(t, df), 1e-11);

    [Theory]
    [InlineData(0.0, 4)]
    [InlineData(1.0, 4)]
    [InlineData(0.975, 0)]
    [InlineData(0.975, double.NaN)]
    public void Out_of_range_arguments_are_refused(double p, double df) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StudentT.Quantile(p, df));
}
