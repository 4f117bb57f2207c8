using MnistCourse.Reporting;

namespace MnistCourse.Tests.Reporting;

/// <summary>The statistics and the verdict of `./course reproduce`, against figures computed independently with scipy.</summary>
public class ReproductionTests
{
    // The course's LeNet-5 tanh, seeds 0–4 (README, 2026-11-23). scipy 1.10 (Debian's python3-scipy):
    //   a = [0.9849, 0.9871, 0.9880, 0.9871, 0.9868]; np.mean(a), np.std(a, ddof=1)
    //   scipy.stats.t.interval(0.95, len(a) - 1, loc=np.mean(a), scale=scipy.stats.sem(a))
    private static readonly double[] LeNetTanh = [0.9849, 0.9871, 0.9880, 0.9871, 0.9868];

    [Fact]
    public void Mean_sd_and_t_interval_match_scipy()
    {
        var s = SeedStatistics.Of(LeNetTanh);
        Assert.Equal(5, s.Count);
        Assert.Equal(0.98678, s.Mean, 1e-9);
        Assert.Equal(0.001143241006962219, s.StandardDeviation, 1e-9);
        Assert.Equal(0.9853604788003847, s.ConfidenceLow, 1e-8);
        Assert.Equal(0.9881995211996151, s.ConfidenceHigh, 1e-8);
        Assert.Equal((0.9849, 0.9880), (s.Min, s.Max));
    }

    [Theory]
    // scipy.stats.t.ppf(0.975, df)
    [InlineData(1, 12.706204736432095)]
    [InlineData(4, 2.7764451051977987)]
    [InlineData(30, 2.0422724563012373)]
    [InlineData(31, 2.0395134463964077)]
    [InlineData(60, 2.0002978210582616)]
    [InlineData(1000, 1.9623390808264078)]
    public void Student_t_quantile_matches_scipy(int df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile975(df), 1e-5);

    [Fact]
    public void One_seed_has_no_spread_and_no_verdict()
    {
        var s = SeedStatistics.Of([0.99]);
        Assert.True(double.IsNaN(s.StandardDeviation));
        var verdict = ReproductionVerdict.Judge(0.9918, s);
        Assert.False(verdict.Reproduced);
        Assert.StartsWith("no verdict: 1 seed gives no spread", verdict.Text);
    }

    [Fact]
    public void Reproduced_needs_a_close_mean_and_the_published_figure_within_two_sd()
    {
        var v = ReproductionVerdict.Judge(0.9871, SeedStatistics.Of(LeNetTanh));
        Assert.True(v.Reproduced);
        Assert.StartsWith("reproduced: the mean 0.9868 is 0.0003 below the published 0.9871", v.Text);
    }

    [Fact]
    public void A_mean_too_far_fails_and_says_by_how_much()
    {
        // mean 0.9850, SD 0.0020: within 2 SD of 0.9871 (0.9810–0.9890), but 0.0021 below it.
        var v = ReproductionVerdict.Judge(0.9871, SeedStatistics.Of([0.9830, 0.9850, 0.9870]));
        Assert.False(v.Reproduced);
        Assert.False(v.MeanClose);
        Assert.True(v.PublishedWithinSpread);
        Assert.StartsWith("not reproduced: the mean 0.9850 is 0.0021 below the published 0.9871, 0.0006 more than the 0.0015 allowed", v.Text);
    }

    [Fact]
    public void A_close_mean_with_a_tight_spread_that_excludes_the_published_figure_fails_the_second_condition()
    {
        // mean 0.9910, SD 0.0001: 0.0008 from 0.9918 (close) but 0.9918 lies 0.0006 above mean + 2 SD (0.9912).
        var v = ReproductionVerdict.Judge(0.9918, SeedStatistics.Of([0.9909, 0.9910, 0.9911]));
        Assert.False(v.Reproduced);
        Assert.True(v.MeanClose);
        Assert.False(v.PublishedWithinSpread);
        Assert.StartsWith("not reproduced: the published 0.9918 lies 0.0006 outside mean ± 2 SD, 0.9908–0.9912", v.Text);
    }

    [Fact]
    public void Quick_runs_get_no_verdict() =>
        Assert.StartsWith("no verdict: quick runs", ReproductionVerdict.Judge(0.9871, SeedStatistics.Of(LeNetTanh), quick: true).Text);

    [Fact]
    public void File_keeps_one_run_per_tutorial_and_seed_and_round_trips()
    {
        using var temp = new TempFolder();
        var file = new ReproductionFile(false, 2, 1, "2026-11-29T00:00:00Z", []);
        for (int seed = 0; seed < 5; seed++)
            file = file.With(new SeedRun("lenet-tanh", seed, false, LeNetTanh[seed], 0.05, 20, 60, "notebooks/04-lenet.ipynb", "t"));
        file = file.With(new SeedRun("lenet-tanh", 0, false, LeNetTanh[0], 0.05, 20, 60, "notebooks/04-lenet.ipynb", "again"));
        Assert.Equal(5, file.Runs.Count);

        var path = temp.File("reproduction.json");
        file.Save(path);
        var loaded = ReproductionFile.Load(path);
        Assert.Equal(file.Runs, loaded.Runs);
        var summary = Assert.Single(loaded.Summary);
        Assert.Equal("lenet-tanh", summary.TutorialId);
        Assert.Equal([0, 1, 2, 3, 4], summary.Seeds);
        Assert.Equal(0.98678, summary.Accuracy.Mean, 1e-9);
        Assert.True(summary.Verdict.Reproduced);
        Assert.Contains("\"standard_deviation\"", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp-*"));
    }

    [Fact]
    public void A_file_that_is_not_a_reproduction_is_named_with_the_fix()
    {
        using var temp = new TempFolder();
        var path = temp.File("reproduction.json");
        File.WriteAllText(path, "{ torn");
        var e = Assert.Throws<InvalidDataException>(() => ReproductionFile.Load(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("./course reproduce", e.Message);
    }
}
