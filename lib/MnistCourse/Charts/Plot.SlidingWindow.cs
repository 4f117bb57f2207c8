using System.Globalization;
using Plotly.NET;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// A window sliding over an image, step by step: one small copy of the image per position, the window framed in
    /// red, in the order the slide visits them (row by row). One caption per position says what it gives (by default "(row, col)").
    /// </summary>
    public static GenericChart SlidingWindow(int[,] image, int window, int stride = 1, IReadOnlyList<string>? captions = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        int rows = image.GetLength(0), cols = image.GetLength(1);
        if (window < 1 || window > Math.Min(rows, cols))
            throw new ArgumentOutOfRangeException(nameof(window), window, $"Expected a window of 1 to {Math.Min(rows, cols)} pixels for a {rows}×{cols} image.");
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(stride), stride, "Expected a stride of 1 or more.");
        var tile = new float[rows, cols];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++)
            tile[r, c] = image[r, c];

        var frames = new List<(int, int, int, int)>();
        for (var r = 0; r + window <= rows; r += stride)
        for (var c = 0; c + window <= cols; c += stride)
            frames.Add((r, c, window, window));
        if (captions is not null) CheckOnePer(captions, "caption per position", frames.Count, nameof(captions));
        var labels = captions ?? frames.Select(f => string.Create(CultureInfo.InvariantCulture, $"({f.Item1}, {f.Item2})")).ToList();

        float min = tile.Cast<float>().Min(), max = tile.Cast<float>().Max();
        var style = new MosaicChart.Style(ColorScale.Greys, Math.Min(0, min), max > min ? max : min + 1, TargetTilePixels: 90, FrameTiles: true, HoverLabel: "value");
        var columns = (cols - window) / stride + 1;
        return MosaicChart.Build(Enumerable.Repeat(tile, frames.Count).ToList(), labels, columns, title, style, frames);
    }
}
