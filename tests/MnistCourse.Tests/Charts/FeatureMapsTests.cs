using MnistCourse.Charts;
using static MnistCourse.Tests.Charts.ChartJson;

namespace MnistCourse.Tests.Charts;

public class FeatureMapsTests
{
    private static float[,,] Maps()
    {
        var maps = new float[3, 4, 5];
        for (var r = 0; r < 4; r++)
        {
            for (var c = 0; c < 5; c++)
            {
                maps[0, r, c] = 10 + r * 5 + c;   // 10..29
                maps[1, r, c] = -3;               // constant
                maps[2, r, c] = r == 2 && c == 3 ? 0.002f : 0.001f;
            }
        }
        return maps;
    }

    [Fact]
    public void EachChannelIsStretchedToItsOwnRange()
    {
        var maps = Maps();

        var first = Plot.Normalise(maps, 0);
        Assert.Equal(0f, first[0, 0]);
        Assert.Equal(1f, first[3, 4]);
        Assert.Equal((15f - 10f) / 19f, first[1, 0], 5);
        Assert.All(Plot.Normalise(maps, 1).Cast<float>(), v => Assert.Equal(0f, v));
        Assert.Equal(1f, Plot.Normalise(maps, 2)[2, 3]);   // tiny activations still use the full scale
    }

    [Fact]
    public void OneCaptionedTilePerChannel()
    {
        var chart = Plot.FeatureMaps(Maps(), title: "conv1");

        Assert.Equal(["ch 0", "ch 1", "ch 2"], AnnotationTexts(chart));
        var trace = Trace(chart);
        Assert.Equal(3 * 5 + 2, Matrix(trace.GetProperty("z"))[0].Length);   // fewer tiles than the 8 of a row: all in one
        Assert.Equal(0, trace.GetProperty("zmin").GetDouble());
        Assert.Equal(1, trace.GetProperty("zmax").GetDouble());
        Assert.False(trace.GetProperty("showscale").GetBoolean());   // per-tile scales: a colour bar would lie
        Assert.Contains("\"text\":\"ch 2\"", Html(chart));
    }

    [Fact]
    public void EmptyDimensionsAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Plot.FeatureMaps(new float[0, 26, 26]));

        Assert.Equal("maps", error.ParamName);
        Assert.Contains("0×26×26", error.Message);
    }
}
