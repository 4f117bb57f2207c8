using MnistCourse.Charts;
using MnistCourse.Reporting;
using static MnistCourse.Tests.Charts.ChartJson;

namespace MnistCourse.Tests.Charts;

public class ReproductionTests
{
    private static LessonResult Result(Tutorial t, double accuracy, int epochs, int seed = 0) =>
        new(t.Id, t.Title, t.Published, t.Floor, accuracy, 0.05, epochs, t.Epochs, 48_000, 40, 3,
            t.ReferenceBand?.Low, t.ReferenceBand?.High, seed);

    [Fact]
    public void Each_result_shows_band_floor_published_and_measured_on_one_axis()
    {
        var tanh = Result(Tutorial.LeNetTanh, 0.9835, 20);
        var relu = Result(Tutorial.LeNetRelu, 0.9755, 2);

        var chart = Plot.Reproduction([tanh, relu], title: "LeNet");

        var band = Trace(chart, 0);
        Assert.Equal("reference band", band.GetProperty("name").GetString());
        Assert.Equal([Tutorial.LeNetTanh.ReferenceBand!.Value.Low, Tutorial.LeNetRelu.ReferenceBand!.Value.Low], Numbers(band.GetProperty("base")));
        Assert.Equal(["floor", "published", "measured (seed 0)"],
            new[] { 1, 2, 3 }.Select(i => Trace(chart, i).GetProperty("name").GetString()));
        Assert.Equal([0.9840, 0.9680], Numbers(Trace(chart, 1).GetProperty("x")));
        Assert.Equal([0.9871, 0.9777], Numbers(Trace(chart, 2).GetProperty("x")));
        var measured = Trace(chart, 3);
        Assert.Equal([0.9835, 0.9755], Numbers(measured.GetProperty("x")));
        Assert.Equal(["LeNet-5 (tanh)", "LeNet-5 (relu)"], Strings(measured.GetProperty("y")));
        // below the floor is red, at or above it green
        Assert.Equal(["#d62728", "#2ca02c"], Strings(measured.GetProperty("marker").GetProperty("color")));
        // the axis is zoomed on the figures, not started at zero
        var range = Numbers(Layout(chart).GetProperty("xaxis").GetProperty("range"));
        Assert.InRange(range[0], 0.95, 0.9680);
        Assert.InRange(range[1], Tutorial.LeNetTanh.ReferenceBand!.Value.High, 1.0);
    }

    [Fact]
    public void A_reproduction_adds_every_seed_and_the_mean_with_its_interval()
    {
        var seeds = new ReproductionFile(false, 2, 1, "t", [.. new[] { 0.9849, 0.9871, 0.9880, 0.9871, 0.9868 }.Select((a, i) =>
            new SeedRun("lenet-tanh", i, false, a, 0.05, 20, 60, "notebooks/04-lenet.ipynb", "t"))]);
        var chart = Plot.Reproduction([Result(Tutorial.LeNetTanh, 0.9849, 20), Result(Tutorial.LeNetRelu, 0.9755, 2)], seeds: seeds);

        var dots = Trace(chart, 4);
        Assert.Equal("seeds (./course reproduce)", dots.GetProperty("name").GetString());
        Assert.Equal([0.9849, 0.9871, 0.9880, 0.9871, 0.9868], Numbers(dots.GetProperty("x")));
        Assert.All(Strings(dots.GetProperty("y")), y => Assert.Equal("LeNet-5 (tanh)", y));
        var mean = Trace(chart, 5);
        Assert.Equal(0.98678, Numbers(mean.GetProperty("x")).Single(), 1e-9);
        Assert.Equal(0.9881995211996151 - 0.98678, Numbers(mean.GetProperty("error_x").GetProperty("array")).Single(), 1e-6);
    }

    [Fact]
    public void A_short_run_is_grey_and_mixed_seeds_are_not_named_as_one()
    {
        var chart = Plot.Reproduction([Result(Tutorial.Chollet, 0.95, 1, seed: 1), Result(Tutorial.Dropout, 0.9930, 10, seed: 2)]);

        var measured = Trace(chart, 3);
        Assert.Equal("measured", measured.GetProperty("name").GetString());
        Assert.Equal(["#999999", "#2ca02c"], Strings(measured.GetProperty("marker").GetProperty("color")));
    }

    [Fact]
    public void No_results_is_refused()
    {
        Assert.Equal("results", Assert.Throws<ArgumentException>(() => Plot.Reproduction([])).ParamName);
    }
}
