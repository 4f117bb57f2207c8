using MnistCourse.Charts;
using static MnistCourse.Tests.Charts.ChartJson;

namespace MnistCourse.Tests.Charts;

public class BarsTests
{
    [Fact]
    public void NamesAndValuesBecomeLabelledBars()
    {
        var chart = Plot.Bars(["paper", "ours"], [0.9905, 0.9891], title: "test accuracy");

        var trace = Trace(chart);
        Assert.Equal("bar", trace.GetProperty("type").GetString());
        Assert.Equal(["paper", "ours"], Strings(trace.GetProperty("x")));
        Assert.Equal([0.9905, 0.9891], Numbers(trace.GetProperty("y")));
        Assert.Equal(["0.9905", "0.9891"], Strings(trace.GetProperty("text")));
        Assert.Equal("category", Layout(chart).GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Contains("0.9891", Html(chart));
    }

    [Fact]
    public void ParameterCountsGetThousandsSeparators()
    {
        var chart = Plot.Bars(["conv1", "fc1"], new long[] { 320, 1_179_776 });

        Assert.Equal(["320", "1,179,776"], Strings(Trace(chart).GetProperty("text")));
        Assert.Equal(["3", "4"], Strings(Trace(Plot.Bars(["a", "b"], new[] { 3, 4 })).GetProperty("text")));
    }

    [Fact]
    public void ManyOrLongNamesTurnTheBarsSideways()
    {
        var names = Enumerable.Range(0, 20).Select(i => $"layer {i}").ToArray();

        var trace = Trace(Plot.Bars(names, names.Select(_ => 1.0).ToArray()));

        Assert.Equal("h", trace.GetProperty("orientation").GetString());
        Assert.Equal(names, Strings(trace.GetProperty("y")));
    }

    [Fact]
    public void MismatchedListsAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Plot.Bars(["a", "b"], [1.0]));
        Assert.Equal("values", error.ParamName);
        Assert.Contains("2", error.Message);
        Assert.Equal("names", Assert.Throws<ArgumentException>(() => Plot.Bars([], Array.Empty<double>())).ParamName);
    }
}
