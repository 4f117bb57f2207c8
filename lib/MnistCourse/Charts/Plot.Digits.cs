using Plotly.NET;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// A grid of digit images, ten to a row, each captioned (typically with its label), ink dark on light.
    /// </summary>
    /// <param name="images">Images of one shape, e.g. 28×28 MNIST digits with values in [0, 1] (0 = background).
    /// Other ranges still draw sensibly: the grey scale spans min(0, smallest)..max(1, largest) value,
    /// so 0..255 bytes and mean/std-normalised tensors both look right.</param>
    /// <param name="captions">One caption per image, or <c>null</c> for none.</param>
    /// <returns>One heatmap mosaic: fast to draw, small to save.</returns>
    /// <exception cref="ArgumentException">No images, images of different shapes, or a caption count that differs from the image count.</exception>
    public static GenericChart Digits(IReadOnlyList<float[,]> images, IReadOnlyList<string>? captions = null, string? title = null)
    {
        CheckImages(images, nameof(images));
        if (captions is not null)
            CheckOnePer(captions, "caption per image", images.Count, nameof(captions));
        return MosaicChart.Build(images, captions, columns: 10, title, DigitStyle(images));
    }

    /// <summary>Greys from white at min(0, smallest value) to black at max(1, largest value).</summary>
    private static MosaicChart.Style DigitStyle(IReadOnlyList<float[,]> images)
    {
        var finite = images.SelectMany(image => image.Cast<float>()).Where(float.IsFinite).Select(v => (double)v).ToList();
        return new MosaicChart.Style(ColorScale.Greys, finite.Append(0).Min(), finite.Append(1).Max(),
            TargetTilePixels: 56, FrameTiles: true, HoverLabel: "pixel");
    }

    /// <summary>At least one image, none null or empty, all of the first one's shape.</summary>
    private static void CheckImages(IReadOnlyList<float[,]> images, string paramName)
    {
        ArgumentNullException.ThrowIfNull(images, paramName);
        if (images.Count == 0)
            throw new ArgumentException("Expected at least one image, got an empty list.", paramName);
        for (var i = 0; i < images.Count; i++)
        {
            if (images[i] is null)
                throw new ArgumentException($"{paramName}[{i}] is null.", paramName);
            if (images[i].GetLength(0) != images[0].GetLength(0) || images[i].GetLength(1) != images[0].GetLength(1))
                throw new ArgumentException(
                    $"All images must have the same shape: expected {ValueFormat.Shape(images[0])} like {paramName}[0], " +
                    $"but {paramName}[{i}] is {ValueFormat.Shape(images[i])}.",
                    paramName);
            if (images[i].GetLength(0) == 0 || images[i].GetLength(1) == 0)
                throw new ArgumentException(
                    $"Expected images with at least one row and column (28×28 for MNIST), but {paramName}[{i}] is {ValueFormat.Shape(images[i])}.",
                    paramName);
        }
    }

    /// <summary>Exactly <paramref name="count"/> entries in <paramref name="list"/>, e.g. one caption per image.</summary>
    private static void CheckOnePer<T>(IReadOnlyList<T> list, string what, int count, string paramName)
    {
        ArgumentNullException.ThrowIfNull(list, paramName);
        if (list.Count != count)
            throw new ArgumentException($"Expected one {what} ({count}), got {list.Count}.", paramName);
    }
}
