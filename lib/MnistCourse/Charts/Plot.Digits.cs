using System.Globalization;
using MnistCourse.Tensors;
using Plotly.NET;
using static TorchSharp.torch;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// A grid of images of one shape, ten to a row, each captioned (typically with its label), ink dark on light.
    /// The grey scale spans min(0, smallest)..max(1, largest) value, so [0, 1] digits, 0..255 bytes and
    /// mean/std-normalised tensors all look right.
    /// </summary>
    public static GenericChart Digits(IReadOnlyList<float[,]> images, IReadOnlyList<string>? captions = null, string? title = null)
    {
        CheckImages(images, nameof(images));
        if (captions is not null)
            CheckOnePer(captions, "caption per image", images.Count, nameof(captions));
        var finite = images.SelectMany(image => image.Cast<float>()).Where(float.IsFinite).Select(v => (double)v).ToList();
        var style = new MosaicChart.Style(ColorScale.Greys, finite.Append(0).Min(), finite.Append(1).Max(),
            TargetTilePixels: 56, FrameTiles: true, HoverLabel: "pixel");
        return MosaicChart.Build(images, captions, columns: 10, title, style);
    }

    /// <summary>A grid of digits from a batch (N, 28, 28) or (N, 28, 28, 1), captioned with their labels (integers or one-hot rows).</summary>
    public static GenericChart Digits(Tensor images, Tensor? labels = null, string? title = null)
    {
        var pictures = images.ToImages();
        var captions = labels?.ToLabels().Select(l => l.ToString(CultureInfo.InvariantCulture)).ToList();
        if (captions is not null)
            CheckOnePer(captions, "label per image", pictures.Length, nameof(labels));
        return Digits(pictures, captions, title);
    }

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

    private static void CheckOnePer<T>(IReadOnlyList<T> list, string what, int count, string paramName)
    {
        ArgumentNullException.ThrowIfNull(list, paramName);
        if (list.Count != count)
            throw new ArgumentException($"Expected one {what} ({count}), got {list.Count}.", paramName);
    }
}
