using MnistCourse.Charts;
using static MnistCourse.Tests.Charts.ChartJson;

namespace MnistCourse.Tests.Charts;

public class MisclassifiedTests
{
    [Fact]
    public void CaptionsSayTruthAndPrediction()
    {
        var chart = Plot.Misclassified([Image(), Image()], [4, 7], [9, 1]);

        Assert.Equal(["true 4 → pred 9", "true 7 → pred 1"], AnnotationTexts(chart));
        Assert.Contains("2 misclassified images", Layout(chart).GetProperty("title").GetProperty("text").GetString());
        Assert.Contains("true 4 → pred 9", Html(chart));
    }

    [Fact]
    public void CaptionsHaveRoomSoTilesGrowForThem()
    {
        var plain = Layout(Plot.Digits([Image(), Image()])).GetProperty("width").GetInt32();
        var captioned = Layout(Plot.Misclassified([Image(), Image()], [4, 7], [9, 1])).GetProperty("width").GetInt32();

        Assert.True(captioned > plain, $"captioned {captioned}px should be wider than plain {plain}px");
    }

    [Fact]
    public void LengthsMustAgree()
    {
        Assert.Equal("trueLabels", Assert.Throws<ArgumentException>(() => Plot.Misclassified([Image()], [1, 2], [3])).ParamName);
        Assert.Equal("predicted", Assert.Throws<ArgumentException>(() => Plot.Misclassified([Image()], [1], [])).ParamName);
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => Plot.Misclassified([Image(), Image(14, 14)], [1, 2], [3, 4])).ParamName);
    }

    [Fact]
    public void NoMistakesIsAChartNotAnError()
    {
        var chart = Plot.Misclassified([], [], []);

        Assert.Equal(["No misclassified images."], AnnotationTexts(chart));
    }
}
