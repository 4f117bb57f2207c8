using System.Globalization;
using MnistCourse.Tensors;
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
        var channels = (int)weights.shape[1];
        using var stack = weights.detach().cpu().reshape(-1, weights.shape[2], weights.shape[3]);
        var tiles = stack.ToImages();
        var captions = tiles.Select((_, i) =>
            channels == 1 ? i.ToString(CultureInfo.InvariantCulture) : $"filter {i / channels}, ch {i % channels}").ToList();
        var limit = tiles.SelectMany(tile => tile.Cast<float>()).Where(float.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        if (limit == 0) limit = 1;
        var style = new MosaicChart.Style(ColorScale.RdBu, -limit, limit, TargetTilePixels: 64, FrameTiles: true, HoverLabel: "weight");
        return MosaicChart.Build(tiles, captions, channels == 1 ? 8 : channels, title, style);
    }
}
