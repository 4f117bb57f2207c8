using System.Globalization;
using Plotly.NET;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// The activations of a convolution layer for one input: one tile per channel, captioned with its index.
    /// </summary>
    /// <param name="maps">Activations shaped (channels, height, width), e.g. 32×26×26 after a first 3×3 convolution.</param>
    /// <param name="title">Title above the grid.</param>
    /// <param name="columns">Tiles per row.</param>
    /// <remarks>
    /// Each tile is stretched to its own min..max, as Chollet does in "Deep Learning with Python": channels differ
    /// wildly in scale, and one shared scale would leave most of them flat. So compare patterns between tiles,
    /// not brightness. Drawn in viridis (bright = strong activation); a constant channel is drawn all dark.
    /// </remarks>
    /// <example><code>Plot.FeatureMaps(activations, title: "conv1, first test digit")</code></example>
    /// <exception cref="ArgumentException">A dimension of <paramref name="maps"/> is 0.</exception>
    public static GenericChart FeatureMaps(float[,,] maps, string? title = null, int columns = 8)
    {
        ArgumentNullException.ThrowIfNull(maps);
        int channels = maps.GetLength(0), height = maps.GetLength(1), width = maps.GetLength(2);
        if (channels == 0 || height == 0 || width == 0)
        {
            throw new ArgumentException(
                $"Expected maps shaped (channels, height, width) with no empty dimension, got {channels}×{height}×{width}.",
                nameof(maps));
        }
        CheckColumns(columns, nameof(columns));

        var tiles = new float[channels][,];
        for (var c = 0; c < channels; c++)
        {
            tiles[c] = Normalise(maps, c);
        }
        var captions = Enumerable.Range(0, channels).Select(c => "ch " + c.ToString(CultureInfo.InvariantCulture)).ToList();
        var style = new MosaicChart.Style(ColorScale.Viridis, 0, 1, TargetTilePixels: 80, FrameTiles: false, HoverLabel: "scaled");
        return MosaicChart.Build(tiles, captions, columns, title, style);
    }

    /// <summary>Channel <paramref name="channel"/> mapped linearly so its finite values span 0..1 (all 0 when constant).</summary>
    internal static float[,] Normalise(float[,,] maps, int channel)
    {
        int height = maps.GetLength(1), width = maps.GetLength(2);
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var v = maps[channel, r, c];
                if (float.IsFinite(v))
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }
            }
        }
        var range = max - min;
        var tile = new float[height, width];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var v = maps[channel, r, c];
                tile[r, c] = !float.IsFinite(v) ? float.NaN : range > 0 ? (v - min) / range : 0f;
            }
        }
        return tile;
    }
}
