using System.Globalization;
using Plotly.NET;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// A grid of digit images, each captioned (typically with its label), ink dark on light.
    /// </summary>
    /// <param name="images">Images of one shape, e.g. 28×28 MNIST digits with values in [0, 1] (0 = background).
    /// Other ranges still draw sensibly: the grey scale spans min(0, smallest)..max(1, largest) value,
    /// so 0..255 bytes and mean/std-normalised tensors both look right.</param>
    /// <param name="captions">One caption per image, or <c>null</c> for none.</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="title">Title above the grid.</param>
    /// <returns>One heatmap mosaic: fast to draw, small to save.</returns>
    /// <example><code>Plot.Digits(images.Take(20).ToList(), labels.Take(20).Select(l => l.ToString()).ToList(), columns: 10)</code></example>
    /// <exception cref="ArgumentException">No images, images of different shapes, or a caption count that differs from the image count.</exception>
    public static GenericChart Digits(IReadOnlyList<float[,]> images, IReadOnlyList<string>? captions = null, int columns = 10, string? title = null)
    {
        CheckImages(images, nameof(images));
        if (captions is not null && captions.Count != images.Count)
        {
            throw new ArgumentException(
                $"Expected one caption per image ({images.Count}), got {captions.Count} captions.", nameof(captions));
        }
        CheckColumns(columns, nameof(columns));
        return MosaicChart.Build(images, captions, columns, title, DigitStyle(images));
    }

    /// <summary>
    /// A grid of digit images captioned with their integer labels.
    /// </summary>
    /// <param name="images">Images of one shape, e.g. 28×28 MNIST digits in [0, 1].</param>
    /// <param name="labels">One label per image.</param>
    /// <param name="columns">Images per row.</param>
    /// <param name="title">Title above the grid.</param>
    /// <example><code>Plot.Digits(images, new[] { 5, 0, 4, 1 })</code></example>
    /// <exception cref="ArgumentException">No images, images of different shapes, or a label count that differs from the image count.</exception>
    public static GenericChart Digits(IReadOnlyList<float[,]> images, IReadOnlyList<int> labels, int columns = 10, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        CheckImages(images, nameof(images));
        if (labels.Count != images.Count)
        {
            throw new ArgumentException(
                $"Expected one label per image ({images.Count}), got {labels.Count} labels.", nameof(labels));
        }
        CheckColumns(columns, nameof(columns));
        var captions = labels.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToList();
        return MosaicChart.Build(images, captions, columns, title, DigitStyle(images));
    }

    /// <summary>Greys from white at min(0, smallest value) to black at max(1, largest value).</summary>
    private static MosaicChart.Style DigitStyle(IReadOnlyList<float[,]> images)
    {
        double low = 0, high = 1;
        foreach (var image in images)
        {
            foreach (var v in image)
            {
                if (float.IsFinite(v))
                {
                    low = Math.Min(low, v);
                    high = Math.Max(high, v);
                }
            }
        }
        return new MosaicChart.Style(ColorScale.Greys, low, high, TargetTilePixels: 56, FrameTiles: true, HoverLabel: "pixel");
    }

    /// <summary>At least one image, none null or empty, all of the first one's shape.</summary>
    private static void CheckImages(IReadOnlyList<float[,]> images, string paramName)
    {
        ArgumentNullException.ThrowIfNull(images, paramName);
        if (images.Count == 0)
        {
            throw new ArgumentException("Expected at least one image, got an empty list.", paramName);
        }
        if (images[0] is null)
        {
            throw new ArgumentException($"{paramName}[0] is null.", paramName);
        }
        var first = images[0];
        if (first.GetLength(0) == 0 || first.GetLength(1) == 0)
        {
            throw new ArgumentException(
                $"Expected images with at least one row and column (28×28 for MNIST), but {paramName}[0] is {ValueFormat.Shape(first)}.",
                paramName);
        }
        for (var i = 1; i < images.Count; i++)
        {
            if (images[i] is null)
            {
                throw new ArgumentException($"{paramName}[{i}] is null.", paramName);
            }
            if (images[i].GetLength(0) != first.GetLength(0) || images[i].GetLength(1) != first.GetLength(1))
            {
                throw new ArgumentException(
                    $"All images must have the same shape: expected {ValueFormat.Shape(first)} like {paramName}[0], " +
                    $"but {paramName}[{i}] is {ValueFormat.Shape(images[i])}.",
                    paramName);
            }
        }
    }

    private static void CheckColumns(int columns, string paramName)
    {
        if (columns < 1)
        {
            throw new ArgumentOutOfRangeException(paramName, columns, $"Expected at least 1 column, got {columns}.");
        }
    }
}
