using MnistCourse.Charts;
using static MnistCourse.Tests.Charts.ChartJson;

namespace MnistCourse.Tests.Charts;

public class TrainingCurvesTests
{
    private static Dictionary<string, IReadOnlyList<double>> History() => new()
    {
        ["loss"] = [0.35, 0.12, 0.08],
        ["accuracy"] = [0.9, 0.96, 0.975],
        ["val_loss"] = [0.15, 0.1, 0.11],
        ["val_accuracy"] = [0.95, 0.97, 0.9712],
    };

    [Fact]
    public void FourCurvesOnTwoPanelsTrainingSolidValidationDashed()
    {
        var chart = Plot.TrainingCurves(History(), title: "MLP");

        var traces = Enumerable.Range(0, TraceCount(chart)).Select(i => Trace(chart, i)).ToList();
        Assert.Equal(4, traces.Count);
        foreach (var trace in traces)
        {
            var validation = trace.GetProperty("name").GetString() == "validation";
            Assert.Equal(validation ? "dash" : "solid", trace.GetProperty("line").GetProperty("dash").GetString());
            Assert.Equal([1, 2, 3], Numbers(trace.GetProperty("x")));   // epochs count from 1
        }
        var accuracyPanel = traces.Where(t => t.GetProperty("xaxis").GetString() == "x2").ToList();
        Assert.Equal(2, accuracyPanel.Count);
        Assert.Contains(accuracyPanel, t => Numbers(t.GetProperty("y")).SequenceEqual([0.95, 0.97, 0.9712]));
        Assert.Equal(2, traces.Count(t => t.GetProperty("showlegend").GetBoolean()));   // one legend entry per role
        Assert.Equal(["Loss", "Accuracy"], AnnotationTexts(chart));
        Assert.Equal(".1~%", Layout(chart).GetProperty("yaxis2").GetProperty("tickformat").GetString());
        Assert.Contains("0.9712", Html(chart));
    }

    [Fact]
    public void LossOnlyHistoryGetsOneFullWidthPanel()
    {
        var chart = Plot.TrainingCurves(new Dictionary<string, List<double>> { ["loss"] = [2.3, 0.7] });

        Assert.Equal(1, TraceCount(chart));
        Assert.Equal([0, 1], Numbers(Layout(chart).GetProperty("xaxis").GetProperty("domain")));
        Assert.False(Layout(chart).TryGetProperty("xaxis2", out _));
    }

    [Fact]
    public void OlderKerasSpellingIsAccepted()
    {
        var chart = Plot.TrainingCurves(new Dictionary<string, double[]> { ["acc"] = [0.5, 0.6], ["val_acc"] = [0.4, 0.5] });

        Assert.Equal(["Accuracy"], AnnotationTexts(chart));
    }

    [Fact]
    public void UnknownKeysAndEmptySeriesAreRejected()
    {
        var typo = Assert.Throws<ArgumentException>(() =>
            Plot.TrainingCurves(new Dictionary<string, IReadOnlyList<double>> { ["val_acuracy"] = [0.9] }));
        Assert.Equal("history", typo.ParamName);
        Assert.Contains("val_acuracy", typo.Message);
        Assert.Contains("val_accuracy", typo.Message);

        var empty = Assert.Throws<ArgumentException>(() =>
            Plot.TrainingCurves(new Dictionary<string, IReadOnlyList<double>> { ["loss"] = [] }));
        Assert.Equal("history", empty.ParamName);

        Assert.Equal("history", Assert.Throws<ArgumentException>(() =>
            Plot.TrainingCurves(new Dictionary<string, IReadOnlyList<double>>())).ParamName);
    }
}
