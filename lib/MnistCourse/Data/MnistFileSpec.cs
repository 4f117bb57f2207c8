namespace MnistCourse.Data;

/// <summary>
/// One entry of the catalogue: a file's canonical name, what it holds, how many items, its raw
/// (uncompressed) size and the SHA-256 of its raw content — the authority for accepting a copy.
/// </summary>
/// <example>
/// <code>
/// var spec = MnistCatalog.Original.TrainLabels;
/// Console.WriteLine($"{spec.Name}: {spec.Count} labels, {spec.RawSize} bytes, SHA-256 {spec.Sha256}");
/// </code>
/// </example>
/// <param name="Name">Canonical file name, e.g. <c>train-images-idx3-ubyte</c>.</param>
/// <param name="Kind">Images or labels.</param>
/// <param name="Count">Number of images or labels the file must hold.</param>
/// <param name="RawSize">Exact size in bytes of the uncompressed file (header + payload).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the uncompressed content.</param>
public sealed record MnistFileSpec(string Name, MnistFileKind Kind, int Count, long RawSize, string Sha256)
{
    /// <summary>Image height every image file must have.</summary>
    /// <example><code>int rows = MnistFileSpec.Rows; // 28</code></example>
    public const int Rows = 28;

    /// <summary>Image width every image file must have.</summary>
    /// <example><code>int cols = MnistFileSpec.Cols; // 28</code></example>
    public const int Cols = 28;

    /// <summary>The spelling some copies use, with a dot: <c>train-images.idx3-ubyte</c>.</summary>
    /// <example><code>var alt = MnistCatalog.Original.TrainImages.DottedName; // "train-images.idx3-ubyte"</code></example>
    public string DottedName
    {
        get
        {
            // "train-images-idx3-ubyte" -> "train-images.idx3-ubyte": only the dash before "idx" changes.
            var at = Name.LastIndexOf("-idx", StringComparison.Ordinal);
            return at < 0 ? Name : string.Concat(Name.AsSpan(0, at), ".", Name.AsSpan(at + 1));
        }
    }

    /// <summary>Names under which an uncompressed copy is accepted in the cache folder, canonical first.</summary>
    /// <example><code>foreach (var n in spec.RawNames) Console.WriteLine(n);</code></example>
    public IReadOnlyList<string> RawNames => DottedName == Name ? [Name] : [Name, DottedName];

    /// <summary>Names under which a gzip copy is accepted in the cache folder (<c>.gz</c> of each raw name).</summary>
    /// <example><code>foreach (var n in spec.GzipNames) Console.WriteLine(n); // train-images-idx3-ubyte.gz, …</code></example>
    public IReadOnlyList<string> GzipNames => RawNames.Select(n => n + ".gz").ToArray();

    /// <summary>Header size in bytes: 16 for images (magic, count, rows, cols), 8 for labels (magic, count).</summary>
    /// <example><code>long payload = spec.RawSize - spec.HeaderSize;</code></example>
    public int HeaderSize => Kind == MnistFileKind.Images ? 16 : 8;

    /// <summary>Short description for messages, e.g. "60,000 training images".</summary>
    /// <example><code>Console.WriteLine(spec.Describe());</code></example>
    public string Describe() =>
        $"{Count:N0} {(Name.StartsWith("t10k", StringComparison.Ordinal) ? "test" : "training")} {(Kind == MnistFileKind.Images ? "images" : "labels")}";
}
