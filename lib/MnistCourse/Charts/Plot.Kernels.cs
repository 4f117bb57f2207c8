using System.Globalization;
using Plotly.NET;
using static TorchSharp.torch;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// A conv layer's kernels on one signed scale: negative weights red, positive blue, 0 white, the same colour for the
    /// same weight in every tile (unlike <see cref="FeatureMaps(float[,,], string?)"/>, which scales each tile on
    /// its own). Eight to a row for one input channel; else one row per filter, as a filter's kernel spans every channel.
    /// <paramref name="weights"/> are in torch's layout (filters, channels, height, width), e.g. a <c>conv.weight</c> of 32×1×3×3.
    /// </summary>
    public static GenericChart Kernels(Tensor weights, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.dim() != 4 || weights.shape.Any(d => d == 0))
            throw new ArgumentException($"Expected kernels shaped (filters, channels, height, width), got ({string.Join(", ", weights.shape)}).", nameof(weights));
        int filters = (int)weights.shape[0], channels = (int)weights.shape[1], height = (int)weights.shape[2], width = (int)weights.shape[3];
        var values = weights.detach().cpu().to(ScalarType.Float32).contiguous().data<float>().ToArray();
        var tiles = new List<float[,]>(filters * channels);
        var captions = new List<string>(filters * channels);
        for (var f = 0; f < filters; f++)
        for (var c = 0; c < channels; c++)
        {
            var tile = new float[height, width];
            Buffer.BlockCopy(values, (f * channels + c) * tile.Length * sizeof(float), tile, 0, tile.Length * sizeof(float));
            tiles.Add(tile);
            captions.Add(channels == 1 ? f.ToString(CultureInfo.InvariantCulture) : $"filter {f}, ch {c}");
        }
        var limit = values.Where(float.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (limit == 0) limit = 1;
        var style = new MosaicChart.Style(ColorScale.RdBu, -limit, limit, TargetTilePixels: 64, FrameTiles: true, HoverLabel: "weight");
        return MosaicChart.Build(tiles, captions, channels == 1 ? 8 : channels, title, style);
    }
}
