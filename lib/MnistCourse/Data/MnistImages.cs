namespace MnistCourse.Data;

/// <summary>
/// A stack of grey-level images as plain bytes: <see cref="Count"/> images of <see cref="Rows"/>×<see cref="Cols"/>
/// pixels, stored one after another, each row-major (0 = background, 255 = ink) — exactly the IDX payload.
/// </summary>
/// <example>
/// <code>
/// var x = Mnist.LoadRaw().TrainImages;        // Count 60000, Rows 28, Cols 28
/// byte centre = x.Image(0)[14 * 28 + 14];     // pixel (row 14, col 14) of the first image
/// </code>
/// </example>
public sealed class MnistImages
{
    /// <summary>Wraps <paramref name="pixels"/> (not copied); its length must be count×rows×cols.</summary>
    /// <example><code>var one = new MnistImages(1, 28, 28, new byte[784]);</code></example>
    public MnistImages(int count, int rows, int cols, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cols);
        if ((long)count * rows * cols != pixels.LongLength)
            throw new ArgumentException(
                $"pixels has {pixels.LongLength} bytes; {count}×{rows}×{cols} images need {(long)count * rows * cols}.",
                nameof(pixels));
        Count = count;
        Rows = rows;
        Cols = cols;
        Pixels = pixels;
    }

    /// <summary>Number of images.</summary>
    /// <example><code>int n = images.Count; // 60000 for MNIST training</code></example>
    public int Count { get; }

    /// <summary>Height of each image in pixels (28 for MNIST).</summary>
    /// <example><code>int h = images.Rows;</code></example>
    public int Rows { get; }

    /// <summary>Width of each image in pixels (28 for MNIST).</summary>
    /// <example><code>int w = images.Cols;</code></example>
    public int Cols { get; }

    /// <summary>Rows × Cols: the length of one flattened image (784 for MNIST).</summary>
    /// <example><code>var flat = new float[images.PixelsPerImage];</code></example>
    public int PixelsPerImage => Rows * Cols;

    /// <summary>All pixels, image after image, row-major: pixel (r, c) of image i is at i*Rows*Cols + r*Cols + c.</summary>
    /// <example><code>byte p = images.Pixels[i * 784 + r * 28 + c];</code></example>
    public byte[] Pixels { get; }

    /// <summary>The pixels of image <paramref name="index"/> (a view, no copy).</summary>
    /// <example><code>ReadOnlySpan&lt;byte&gt; first = images.Image(0);</code></example>
    public ReadOnlySpan<byte> Image(int index)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"0..{Count - 1}");
        return Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>A copy of the images in <paramref name="range"/> (file order kept).</summary>
    /// <example><code>var firstHundred = images.Slice(..100);</code></example>
    public MnistImages Slice(Range range)
    {
        var (start, length) = range.GetOffsetAndLength(Count);
        var pixels = Pixels.AsSpan(start * PixelsPerImage, length * PixelsPerImage).ToArray();
        return new MnistImages(length, Rows, Cols, pixels);
    }

    /// <summary>A copy of the images at <paramref name="indices"/>, in that order (for shuffles and samples).</summary>
    /// <example><code>var some = images.Select(new[] { 7, 3, 42 });</code></example>
    public MnistImages Select(ReadOnlySpan<int> indices)
    {
        var size = PixelsPerImage;
        var pixels = new byte[(long)indices.Length * size];
        for (var k = 0; k < indices.Length; k++)
            Image(indices[k]).CopyTo(pixels.AsSpan(k * size, size));
        return new MnistImages(indices.Length, Rows, Cols, pixels);
    }

    /// <summary>Shape as text, e.g. "60000×28×28".</summary>
    /// <example><code>Console.WriteLine(images); // 60000×28×28</code></example>
    public override string ToString() => $"{Count}×{Rows}×{Cols}";
}
