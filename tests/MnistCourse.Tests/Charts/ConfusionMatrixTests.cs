using MnistCourse.Charts;
using static MnistCourse.Tests.Charts.ChartJson;

namespace MnistCourse.Tests.Charts;

public class ConfusionMatrixTests
{
    // 10 images of each class; class 1 loses 3 to class 2 and 1 to class 0.
    private static readonly int[,] Counts = { { 10, 0, 0 }, { 1, 6, 3 }, { 0, 0, 10 } };

    [Fact]
    public void CountsAreWrittenInTheirCells()
    {
        var chart = Plot.ConfusionMatrix(Counts);

        var cell = Annotations(chart).Single(a => a.GetProperty("x").GetDouble() == 2 && a.GetProperty("y").GetDouble() == 1);
        Assert.Equal("3", cell.GetProperty("text").GetString());
        Assert.Equal(["10", "0", "0", "1", "6", "3", "0", "0", "10"], AnnotationTexts(chart));
    }

    [Fact]
    public void TrueLabelsRunDownPredictedAcrossWithClassAccuracy()
    {
        var chart = Plot.ConfusionMatrix(Counts);

        var layout = Layout(chart);
        Assert.Equal(["0", "1", "2"], Strings(layout.GetProperty("xaxis").GetProperty("ticktext")));
        var rows = Strings(layout.GetProperty("yaxis").GetProperty("ticktext"));
        Assert.StartsWith("1", rows[1]);
        Assert.Contains("60.0%", rows[1]);
        Assert.Contains("100.0%", rows[0]);
        var range = Numbers(layout.GetProperty("yaxis").GetProperty("range"));
        Assert.True(range[0] > range[1], "class 0 must be the top row");
        Assert.Contains("accuracy 86.7% on 30 images", layout.GetProperty("title").GetProperty("text").GetString());

        var hover = Trace(chart).GetProperty("text")[1][2].GetString();
        Assert.Contains("true 1, predicted 2: 3 images", hover);
        Assert.Contains("accuracy on 1: 60.0%", hover);
    }

    [Fact]
    public void ShapeAndCountsAreChecked()
    {
        var square = Assert.Throws<ArgumentException>(() => Plot.ConfusionMatrix(new int[3, 4]));
        Assert.Equal("matrix", square.ParamName);
        Assert.Contains("3×4", square.Message);
        Assert.Equal("matrix", Assert.Throws<ArgumentException>(() => Plot.ConfusionMatrix(new[,] { { 1, -1 }, { 0, 1 } })).ParamName);
    }
}
