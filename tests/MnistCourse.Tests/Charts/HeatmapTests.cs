using System.Text.Json;
using MnistCourse.Charts;
using static MnistCourse.Tests.Charts.ChartJson;

namespace MnistCourse.Tests.Charts;

public class HeatmapTests
{
    private static readonly double[,] Kernel = { { 1, 0, -1 }, { 2, 0.5, -2 }, { 1, 0.25, -0.125 } };

    [Fact]
    public void SmallArraysCarryTheirNumbersCellByCell()
    {
        var chart = Plot.Heatmap(Kernel, title: "kernel");

        var annotations = Annotations(chart);
        Assert.Equal(["1", "0", "-1", "2", "0.5", "-2", "1", "0.25", "-0.125"], annotations.Select(a => a.GetProperty("text").GetString()));
        var half = annotations[4];
        Assert.Equal(1, half.GetProperty("x").GetDouble());   // column
        Assert.Equal(1, half.GetProperty("y").GetDouble());   // row
        Assert.Equal("x", half.GetProperty("xref").GetString());
        Assert.False(Trace(chart).GetProperty("showscale").GetBoolean());   // the numbers replace the colour bar
        Assert.Contains("\"text\":\"-0.125\"", Html(chart));
    }

    [Fact]
    public void ValuesKeepRowZeroAtTheTop()
    {
        var chart = Plot.Heatmap(Kernel);

        var z = Matrix(Trace(chart).GetProperty("z"));
        Assert.Equal([1, 0, -1], z[0].Select(v => v!.Value));
        var range = Numbers(Layout(chart).GetProperty("yaxis").GetProperty("range"));
        Assert.Equal([2.5, -0.5], range);
    }

    [Fact]
    public void LargeArraysGetAColourBarInsteadOfNumbers()
    {
        var big = new double[20, 20];
        big[3, 4] = 0.9;

        Assert.Empty(Annotations(Plot.Heatmap(big)));
        Assert.True(Trace(Plot.Heatmap(big)).GetProperty("showscale").GetBoolean());
        Assert.Equal(Plot.ShowValuesUpTo * Plot.ShowValuesUpTo, Annotations(Plot.Heatmap(new double[Plot.ShowValuesUpTo, Plot.ShowValuesUpTo])).Count);
    }

    [Fact]
    public void TextIsWhiteOnDarkCellsAndDarkOnLightOnes()
    {
        var chart = Plot.Heatmap(new double[,] { { 0, 1 } });

        var colours = Annotations(chart).Select(a => a.GetProperty("font").GetProperty("color").GetString()).ToList();
        Assert.Equal(["#222", "white"], colours);   // Greys: 0 is white paper, 1 is black ink
    }

    [Fact]
    public void HighlightFramesTheWindowCells()
    {
        var image = new double[5, 5];

        var chart = Plot.Heatmap(image, highlight: (1, 2, 3, 3));

        var frame = Assert.Single(Shapes(chart));
        Assert.Equal("rect", frame.GetProperty("type").GetString());
        Assert.Equal(1.5, frame.GetProperty("x0").GetDouble());
        Assert.Equal(4.5, frame.GetProperty("x1").GetDouble());
        Assert.Equal(0.5, frame.GetProperty("y0").GetDouble());
        Assert.Equal(3.5, frame.GetProperty("y1").GetDouble());
    }

    [Fact]
    public void HighlightOutsideTheArrayIsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Plot.Heatmap(new double[5, 5], highlight: (3, 3, 3, 3)));

        Assert.Equal("highlight", error.ParamName);
        Assert.Contains("5×5", error.Message);
    }

    [Fact]
    public void DivergingScalesAreCentredOnZero()
    {
        var trace = Trace(Plot.Heatmap(new double[,] { { -1, 3 } }, colorScale: "RdBu_r"));

        Assert.Equal(-3, trace.GetProperty("zmin").GetDouble());
        Assert.Equal(3, trace.GetProperty("zmax").GetDouble());
        Assert.Equal(JsonValueKind.Array, trace.GetProperty("colorscale").ValueKind);
    }

    [Fact]
    public void GreysRunsFromWhiteToBlackAndUnknownNamesPassThrough()
    {
        var greys = Trace(Plot.Heatmap(Kernel)).GetProperty("colorscale");
        Assert.Equal("#ffffff", greys[0][1].GetString());
        Assert.Equal("#000000", greys[greys.GetArrayLength() - 1][1].GetString());

        Assert.Equal("Jet", Trace(Plot.Heatmap(Kernel, colorScale: "Jet")).GetProperty("colorscale").GetString());
    }

    [Fact]
    public void FloatAndIntOverloadsShowTheValuesAsWritten()
    {
        Assert.Equal(["0.1", "0.7"], AnnotationTexts(Plot.Heatmap(new[,] { { 0.1f, 0.7f } })));
        Assert.Equal(["1", "-1"], AnnotationTexts(Plot.Heatmap(new[,] { { 1, -1 } })));
    }

    [Fact]
    public void BadArgumentsNameThemselves()
    {
        var empty = Assert.Throws<ArgumentException>(() => Plot.Heatmap(new double[0, 3]));
        Assert.Equal("values", empty.ParamName);
        Assert.Contains("0×3", empty.Message);
        Assert.Equal("colorScale", Assert.Throws<ArgumentException>(() => Plot.Heatmap(Kernel, colorScale: " ")).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentNullException>(() => Plot.Heatmap((double[,])null!)).ParamName);
    }
}
