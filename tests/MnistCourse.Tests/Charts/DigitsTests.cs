using MnistCourse.Charts;
using MnistCourse.Native;
using static MnistCourse.Tests.Charts.ChartJson;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Charts;

public class DigitsTests
{
    public DigitsTests() => TorchRuntime.EnsureReady();

    [Fact]
    public void EachPixelLandsUnderItsCaption()
    {
        var images = new[] { Image(), Image((5, 7, 0.75f)), Image((27, 27, 1f)) };

        var chart = Plot.Digits(images, ["five", "zero", "four"]);

        var trace = Trace(chart);
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        var z = Matrix(trace.GetProperty("z"));
        var y = Numbers(trace.GetProperty("y"));
        Assert.Equal(3 * 28 + 2, z[0].Length);   // three tiles in one row, 1-cell gaps

        // The caption of image 1 sits on the top edge of its tile, centred over it.
        var caption = Annotations(chart).Single(a => a.GetProperty("text").GetString() == "zero");
        var top = (int)(caption.GetProperty("y").GetDouble() + 0.5);
        var left = 29;
        Assert.Equal(left + 13.5, caption.GetProperty("x").GetDouble());
        Assert.Equal(0.75, z[Array.IndexOf(y, top + 5)][left + 7]);
        Assert.Equal(0, z[Array.IndexOf(y, top + 5)][left + 6]);
        Assert.Equal(1, z[Array.IndexOf(y, top + 27)][2 * 29 + 27]);
        Assert.Null(z[Array.IndexOf(y, top + 5)][28]);   // the gap between tiles 0 and 1
    }

    [Fact]
    public void LabelsOfATensorBatchBecomeCaptionsAndTheHtmlCarriesThem()
    {
        var chart = Plot.Digits(zeros(2, 28, 28), tensor(new long[] { 7, 2 }), title: "two digits");

        Assert.Equal(["7", "2"], AnnotationTexts(chart));
        var html = Html(chart);
        Assert.Contains("\"text\":\"two digits\"", html);
        Assert.Contains("\"text\":\"7\"", html);
    }

    [Fact]
    public void RowZeroIsAtTheTopAndPixelsAreSquare()
    {
        var layout = Layout(Plot.Digits([Image()]));

        var range = Numbers(layout.GetProperty("yaxis").GetProperty("range"));
        Assert.True(range[0] > range[1], "the y axis must run downwards");
        Assert.Equal("x", layout.GetProperty("yaxis").GetProperty("scaleanchor").GetString());
        Assert.Equal(1, layout.GetProperty("yaxis").GetProperty("scaleratio").GetDouble());
        Assert.False(layout.GetProperty("xaxis").GetProperty("visible").GetBoolean());
    }

    [Fact]
    public void GreyScaleStretchesToBytesAndToNormalisedImages()
    {
        var bytes = Trace(Plot.Digits([Image((3, 3, 255f))]));
        Assert.Equal(0, bytes.GetProperty("zmin").GetDouble());
        Assert.Equal(255, bytes.GetProperty("zmax").GetDouble());

        var standardised = Trace(Plot.Digits([Image((0, 0, -0.42f), (3, 3, 2.8f))]));
        Assert.Equal(-0.42, standardised.GetProperty("zmin").GetDouble(), 5);
        Assert.Equal(2.8, standardised.GetProperty("zmax").GetDouble(), 5);

        var unit = Trace(Plot.Digits([Image((3, 3, 0.5f))]));
        Assert.Equal(0, unit.GetProperty("zmin").GetDouble());
        Assert.Equal(1, unit.GetProperty("zmax").GetDouble());
    }

    [Fact]
    public void ImagesOfAnotherShapeAreRejectedByIndexAndShape()
    {
        var images = new[] { Image(), Image(), Image(27, 28) };

        var error = Assert.Throws<ArgumentException>(() => Plot.Digits(images));

        Assert.Equal("images", error.ParamName);
        Assert.Contains("28×28", error.Message);
        Assert.Contains("images[2] is 27×28", error.Message);
    }

    [Fact]
    public void BadArgumentsNameThemselves()
    {
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => Plot.Digits(Array.Empty<float[,]>())).ParamName);
        Assert.Equal("images", Assert.Throws<ArgumentNullException>(() => Plot.Digits((IReadOnlyList<float[,]>)null!)).ParamName);
        var captions = Assert.Throws<ArgumentException>(() => Plot.Digits([Image(), Image()], ["only one"]));
        Assert.Equal("captions", captions.ParamName);
        Assert.Contains("2", captions.Message);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => Plot.Digits(zeros(1, 28, 28), tensor(new long[] { 1, 2 }))).ParamName);
    }
}
