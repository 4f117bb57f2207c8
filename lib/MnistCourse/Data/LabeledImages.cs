namespace MnistCourse.Data;

/// <summary>
/// Images with one label each (Keras' <c>(x, y)</c> pair), kept together so that slicing and shuffling
/// can never separate an image from its label.
/// </summary>
/// <example>
/// <code>
/// var (xTrain, yTrain) = Mnist.LoadRaw().Train;   // MnistImages, byte[]
/// var firstTen = Mnist.LoadRaw().Train.Slice(..10);
/// </code>
/// </example>
public sealed class LabeledImages
{
    /// <summary>Pairs <paramref name="images"/> with <paramref name="labels"/> (not copied); the counts must agree.</summary>
    /// <example><code>var set = new LabeledImages(images, labels);</code></example>
    public LabeledImages(MnistImages images, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Count != labels.Length)
            throw new ArgumentException($"{images.Count} images but {labels.Length} labels; each image needs one label.", nameof(labels));
        Images = images;
        Labels = labels;
    }

    /// <summary>The images (Keras' x).</summary>
    /// <example><code>var x = set.Images;</code></example>
    public MnistImages Images { get; }

    /// <summary>The labels 0–9 (Keras' y), one per image, same order.</summary>
    /// <example><code>byte y0 = set.Labels[0];</code></example>
    public byte[] Labels { get; }

    /// <summary>Number of (image, label) pairs.</summary>
    /// <example><code>int n = set.Count;</code></example>
    public int Count => Labels.Length;

    /// <summary>A copy of the pairs in <paramref name="range"/>, file order kept.</summary>
    /// <example><code>var validation = set.Slice(^6000..);</code></example>
    public LabeledImages Slice(Range range) => new(Images.Slice(range), Labels[range]);

    /// <summary>A copy of the pairs at <paramref name="indices"/>, in that order.</summary>
    /// <example><code>var shuffled = set.Select(permutation);</code></example>
    public LabeledImages Select(ReadOnlySpan<int> indices)
    {
        var labels = new byte[indices.Length];
        for (var k = 0; k < indices.Length; k++) labels[k] = Labels[indices[k]];
        return new LabeledImages(Images.Select(indices), labels);
    }

    /// <summary>How many labels of each digit 0–9 (index = digit).</summary>
    /// <example><code>int[] perDigit = Mnist.LoadRaw().Test.LabelCounts(); // 980, 1135, …</code></example>
    public int[] LabelCounts()
    {
        var counts = new int[10];
        foreach (var y in Labels) if (y < 10) counts[y]++;
        return counts;
    }

    /// <summary>Splits into (images, labels), Keras style.</summary>
    /// <example><code>var (x, y) = set;</code></example>
    public void Deconstruct(out MnistImages images, out byte[] labels)
    {
        images = Images;
        labels = Labels;
    }

    /// <summary>Shape as text, e.g. "60000×28×28 images, 60000 labels".</summary>
    /// <example><code>Console.WriteLine(set);</code></example>
    public override string ToString() => $"{Images} images, {Labels.Length} labels";
}
