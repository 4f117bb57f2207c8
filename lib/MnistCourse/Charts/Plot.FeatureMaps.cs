using System.Globalization;
using MnistCourse.Tensors;
using Plotly.NET;
using static TorchSharp.torch;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// The activations of a convolution layer for one input, shaped (channels, height, width): one tile per channel,
    /// eight to a row, captioned with its index.
    /// </summary>
    /// <remarks>
    /// Each tile is stretched to its own min..max, as Chollet does in "Deep Learning with Python": channels differ
    /// wildly in scale, and one shared scale would leave most of them flat. So compare patterns between tiles,
    /// not brightness. Drawn in viridis (bright = strong activation); a constant channel is drawn all dark.
    /// </remarks>
    public static GenericChart FeatureMaps(float[,,] maps, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(maps);
        int channels = maps.GetLength(0), height = maps.GetLength(1), width = maps.GetLength(2);
        if (channels == 0 || height == 0 || width == 0)
            throw new ArgumentException(
                $"Expected maps shaped (channels, height, width) with no empty dimension, got {channels}×{height}×{width}.",
                nameof(maps));

        var tiles = Enumerable.Range(0, channels).Select(c => Normalise(maps, c)).ToList();
        var captions = Enumerable.Range(0, channels).Select(c => "ch " + c.ToString(CultureInfo.InvariantCulture)).ToList();
        var style = new MosaicChart.Style(ColorScale.Viridis, 0, 1, TargetTilePixels: 80, FrameTiles: false, HoverLabel: "scaled");
        return MosaicChart.Build(tiles, captions, columns: 8, title, style);
    }

    /// <summary>One sample's feature maps, channels-last (H, W, C) or (1, H, W, C), as Keras' layer outputs are.</summary>
    public static GenericChart FeatureMaps(Tensor maps, string? title = null) => FeatureMaps(maps.ToFeatureMaps(), title);

    /// <summary>Channel <paramref name="channel"/> mapped linearly so its finite values span 0..1 (all 0 when constant).</summary>
    internal static float[,] Normalise(float[,,] maps, int channel)
    {
        var tile = new float[maps.GetLength(1), maps.GetLength(2)];
        Buffer.BlockCopy(maps, channel * tile.Length * sizeof(float), tile, 0, tile.Length * sizeof(float));
        var finite = tile.Cast<float>().Where(float.IsFinite).DefaultIfEmpty(0).ToList();
        float min = finite.Min(), range = finite.Max() - min;
        for (var r = 0; r < tile.GetLength(0); r++)
        for (var c = 0; c < tile.GetLength(1); c++)
            tile[r, c] = !float.IsFinite(tile[r, c]) ? float.NaN : range > 0 ? (tile[r, c] - min) / range : 0f;
        return tile;
    }
}
