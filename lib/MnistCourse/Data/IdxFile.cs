using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace MnistCourse.Data;

/// <summary>
/// Reads and validates IDX files (the format of the MNIST files), raw or gzip-compressed.
/// Every check that fails throws <see cref="MnistDataException"/> naming the file, what was expected,
/// what was found and the fix: magic, type byte, dimensions (28×28), exact length, labels 0–9, counts.
/// </summary>
/// <example>
/// <code>
/// MnistImages x = IdxFile.ReadImages("data/mnist/t10k-images-idx3-ubyte", expectedCount: 10_000);
/// byte[] y = IdxFile.ReadLabels("data/mnist/t10k-labels-idx1-ubyte", expectedCount: 10_000);
/// </code>
/// </example>
public static class IdxFile
{
    /// <summary>Magic number of an IDX image file: 0x00000803 (type 0x08 = unsigned byte, 3 dimensions).</summary>
    /// <example><code>bool images = magic == IdxFile.ImagesMagic;</code></example>
    public const uint ImagesMagic = 0x00000803;

    /// <summary>Magic number of an IDX label file: 0x00000801 (type 0x08 = unsigned byte, 1 dimension).</summary>
    /// <example><code>bool labels = magic == IdxFile.LabelsMagic;</code></example>
    public const uint LabelsMagic = 0x00000801;

    /// <summary>True when <paramref name="head"/> starts with the gzip signature 1F 8B.</summary>
    /// <example><code>bool gz = IdxFile.IsGzip(File.ReadAllBytes(path));</code></example>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>
    /// Reads the whole stream and returns its uncompressed content: gunzipped when it starts with 1F 8B,
    /// as is otherwise. <paramref name="fileName"/> is only used in error messages.
    /// </summary>
    /// <example><code>byte[] raw = IdxFile.ReadContent(File.OpenRead(path), path);</code></example>
    public static byte[] ReadContent(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return Inflate(ReadToEnd(stream), fileName);
    }

    /// <summary>
    /// Reads an image file (raw or .gz) from disk; see <see cref="ParseImages"/> for the checks. A raw file is
    /// read straight into the pixel array (one 47 MB allocation for the MNIST training set, no extra copy).
    /// </summary>
    /// <example><code>var x = IdxFile.ReadImages("data/mnist/train-images-idx3-ubyte", 60_000);</code></example>
    public static MnistImages ReadImages(string path, int? expectedCount = null) => ReadImages(path, expectedCount, hash: null);

    /// <summary>Reads a label file (raw or .gz) from disk; see <see cref="ParseLabels"/> for the checks.</summary>
    /// <example><code>var y = IdxFile.ReadLabels("data/mnist/train-labels-idx1-ubyte", 60_000);</code></example>
    public static byte[] ReadLabels(string path, int? expectedCount = null) => ReadLabels(path, expectedCount, hash: null);

    // The loader's path: same as the public readers, and feeds every byte read into hash when given
    // (a file not yet verified in this process is hashed while it is read, not read twice).
    internal static MnistImages ReadImages(string path, int? expectedCount, System.Security.Cryptography.IncrementalHash? hash) =>
        ReadFile(path, hash, (content, name) => ParseImages(content, name, expectedCount), (file, head, name) =>
        {
            var (count, rows, cols) = ValidateImages(head, file.Length, name, expectedCount);
            return new MnistImages(count, rows, cols, ReadPayload(file, 16, (long)count * rows * cols, head, hash));
        });

    internal static byte[] ReadLabels(string path, int? expectedCount, System.Security.Cryptography.IncrementalHash? hash) =>
        ReadFile(path, hash, (content, name) => ParseLabels(content, name, expectedCount), (file, head, name) =>
        {
            var labels = ReadPayload(file, 8, ValidateLabels(head, file.Length, name, expectedCount), head, hash);
            CheckLabelValues(labels, name);
            return labels;
        });

    // A .gz file is unpacked whole and parsed; a raw one is validated from its header and its payload read in place.
    private static T ReadFile<T>(string path, System.Security.Cryptography.IncrementalHash? hash,
                                 Func<byte[], string, T> parseUnpacked, Func<FileStream, byte[], string, T> readRaw)
    {
        var name = MnistPaths.Display(path);
        using var file = OpenFile(path, name);
        var head = ReadHead(file);
        if (!IsGzip(head)) return readRaw(file, head, name);
        var content = ReadContent(file, name);
        hash?.AppendData(content);
        return parseUnpacked(content, name);
    }

    /// <summary>Reads an image file (raw or gzip) from a stream; <paramref name="fileName"/> names it in messages.</summary>
    /// <example><code>using var s = File.OpenRead(p); var x = IdxFile.ReadImages(s, p);</code></example>
    public static MnistImages ReadImages(Stream stream, string fileName, int? expectedCount = null) =>
        ParseImages(ReadContent(stream, fileName), fileName, expectedCount);

    /// <summary>Reads a label file (raw or gzip) from a stream; <paramref name="fileName"/> names it in messages.</summary>
    /// <example><code>using var s = File.OpenRead(p); var y = IdxFile.ReadLabels(s, p);</code></example>
    public static byte[] ReadLabels(Stream stream, string fileName, int? expectedCount = null) =>
        ParseLabels(ReadContent(stream, fileName), fileName, expectedCount);

    /// <summary>
    /// Validates uncompressed IDX image content and returns its pixels (copied): magic 0x00000803, 28×28,
    /// length exactly 16 + count×28×28, and the count when <paramref name="expectedCount"/> is given.
    /// </summary>
    /// <example><code>var x = IdxFile.ParseImages(File.ReadAllBytes(p), p, expectedCount: 10_000);</code></example>
    public static MnistImages ParseImages(ReadOnlySpan<byte> content, string fileName, int? expectedCount = null)
    {
        var (count, rows, cols) = ValidateImages(content, content.Length, fileName, expectedCount);
        return new MnistImages(count, rows, cols, content[16..].ToArray());
    }

    /// <summary>
    /// Validates uncompressed IDX label content and returns the labels (copied): magic 0x00000801,
    /// length exactly 8 + count, every label 0–9, and the count when <paramref name="expectedCount"/> is given.
    /// </summary>
    /// <example><code>byte[] y = IdxFile.ParseLabels(File.ReadAllBytes(p), p, expectedCount: 10_000);</code></example>
    public static byte[] ParseLabels(ReadOnlySpan<byte> content, string fileName, int? expectedCount = null)
    {
        var count = ValidateLabels(content, content.Length, fileName, expectedCount);
        var labels = content[8..(8 + count)];
        CheckLabelValues(labels, fileName);
        return labels.ToArray();
    }

    /// <summary>
    /// Reads an image file and its label file and pairs them, checking that the counts agree
    /// (and equal <paramref name="expectedCount"/> when given).
    /// </summary>
    /// <example><code>var test = IdxFile.ReadPair("data/mnist/t10k-images-idx3-ubyte", "data/mnist/t10k-labels-idx1-ubyte");</code></example>
    public static LabeledImages ReadPair(string imagesPath, string labelsPath, int? expectedCount = null) =>
        Pair(ReadImages(imagesPath, expectedCount), MnistPaths.Display(imagesPath),
             ReadLabels(labelsPath, expectedCount), MnistPaths.Display(labelsPath));

    /// <summary>Pairs images with labels read from two files, with a message naming both when the counts differ.</summary>
    /// <example><code>var set = IdxFile.Pair(x, "x.idx3", y, "y.idx1");</code></example>
    public static LabeledImages Pair(MnistImages images, string imagesFile, byte[] labels, string labelsFile)
    {
        if (images.Count != labels.Length)
            throw new MnistDataException(labelsFile,
                $"one label per image of {imagesFile} ({images.Count:N0})",
                $"{labels.Length:N0} labels",
                $"the two files do not belong together; delete {imagesFile} and {labelsFile} and run again; they will be fetched and verified");
        return new LabeledImages(images, labels);
    }

    // Header checks for an image file of totalLength bytes whose first bytes are head; returns the shape.
    private static (int Count, int Rows, int Cols) ValidateImages(ReadOnlySpan<byte> head, long totalLength, string fileName, int? expectedCount)
    {
        var count = ParseHeader(head, fileName, MnistFileKind.Images, out var headerSize);
        var rows = BinaryPrimitives.ReadUInt32BigEndian(head[8..]);
        var cols = BinaryPrimitives.ReadUInt32BigEndian(head[12..]);
        if (rows != MnistFileSpec.Rows || cols != MnistFileSpec.Cols)
            throw Bad(fileName, $"{MnistFileSpec.Rows}×{MnistFileSpec.Cols}-pixel images", $"{rows}×{cols} (not MNIST-shaped images)");
        CheckLength(totalLength, fileName, headerSize, (long)count * rows * cols, $"{count:N0} images of {rows}×{cols} bytes");
        CheckCount(fileName, count, expectedCount, "images");
        return ((int)count, (int)rows, (int)cols);
    }

    private static int ValidateLabels(ReadOnlySpan<byte> head, long totalLength, string fileName, int? expectedCount)
    {
        var count = ParseHeader(head, fileName, MnistFileKind.Labels, out var headerSize);
        CheckLength(totalLength, fileName, headerSize, count, $"{count:N0} one-byte labels");
        CheckCount(fileName, count, expectedCount, "labels");
        return (int)count;
    }

    private static void CheckLabelValues(ReadOnlySpan<byte> labels, string fileName)
    {
        // IndexOfAnyInRange is vectorised: the common (valid) case costs next to nothing.
        var bad = labels.IndexOfAnyInRange((byte)10, (byte)255);
        if (bad < 0) return;
        var howMany = 0;
        foreach (var y in labels) if (y > 9) howMany++;
        throw Bad(fileName, "labels 0–9", $"label {labels[bad]} at index {bad:N0} ({howMany:N0} {(howMany == 1 ? "label" : "labels")} out of range)");
    }

    // Validates magic (zero bytes, type byte, dimension count) and returns the item count.
    private static uint ParseHeader(ReadOnlySpan<byte> content, string fileName, MnistFileKind kind, out int headerSize)
    {
        var dims = kind == MnistFileKind.Images ? 3 : 1;
        headerSize = 4 + 4 * dims;
        var magic = kind == MnistFileKind.Images ? ImagesMagic : LabelsMagic;
        var what = kind == MnistFileKind.Images ? "IDX images" : "IDX labels";
        var expectedMagic = $"magic 0x{magic:X8} ({what}; a .gz file must start with 1F 8B)";

        if (content.Length < 4)
            throw Bad(fileName, expectedMagic, $"only {content.Length} byte(s): the file is empty or cut short");
        if (content[0] != 0 || content[1] != 0)
            throw Bad(fileName, expectedMagic, DescribeForeign(content, fileName));
        if (content[2] != 0x08)
            throw Bad(fileName, $"type byte 0x08 (unsigned bytes) in magic 0x{magic:X8}",
                $"type byte 0x{content[2]:X2} ({TypeName(content[2])})");
        if (content[3] != dims)
        {
            var other = content[3] switch
            {
                1 => " — this is a label file",
                3 => " — this is an image file",
                _ => "",
            };
            throw Bad(fileName, $"{dims} dimension(s) (magic 0x{magic:X8}, {what})",
                $"{content[3]} (magic 0x{BinaryPrimitives.ReadUInt32BigEndian(content):X8}){other}");
        }
        if (content.Length < headerSize)
            throw Bad(fileName, $"a {headerSize}-byte IDX header", $"only {content.Length} bytes: the file is cut short");
        var count = BinaryPrimitives.ReadUInt32BigEndian(content[4..]);
        if (count > int.MaxValue)
            throw Bad(fileName, "an item count below 2^31", $"{count:N0}");
        return count;
    }

    private static void CheckLength(long length, string fileName, int headerSize, long payload, string what)
    {
        var expected = headerSize + payload;
        if (length == expected) return;
        var found = length < expected
            ? $"{length:N0} bytes: truncated, {expected - length:N0} bytes missing (an interrupted download?)"
            : $"{length:N0} bytes: {length - expected:N0} trailing bytes after the data";
        throw Bad(fileName, $"{expected:N0} bytes ({headerSize}-byte header + {what})", found);
    }

    private static void CheckCount(string fileName, uint count, int? expectedCount, string what)
    {
        if (expectedCount is { } n && count != n)
            throw Bad(fileName, $"{n:N0} {what}", $"{count:N0} {what} (a different or partial data set)");
    }

    private static MnistDataException Bad(string fileName, string expected, string found) =>
        new(fileName, expected, found, MnistDataException.DeleteAndRetry(fileName));

    // A file that is not IDX: say what it looks like, since "HTML saved as .gz" is the classic failure.
    internal static string DescribeForeign(ReadOnlySpan<byte> content, string fileName)
    {
        var head = content[..Math.Min(8, content.Length)];
        var hex = Convert.ToHexString(head);
        var spaced = string.Join(' ', Enumerable.Range(0, head.Length).Select(i => hex.Substring(2 * i, 2)));
        var text = content[..Math.Min(64, content.Length)].TrimStart("\uFEFF"u8).TrimStart(" \t\r\n"u8);
        var looksHtml = text.Length > 0 && text[0] == (byte)'<';
        var preview = new string(Encoding.ASCII.GetString(content[..Math.Min(16, content.Length)])
            .Select(c => c is >= ' ' and <= '~' ? c : '.').ToArray());
        var found = $"bytes {spaced} (\"{preview}\")";
        if (IsGzip(content)) return found + ", gzip-compressed data under an uncompressed name (give it a .gz name)";
        if (looksHtml) found += ", which looks like an HTML page (an error page saved under the data file's name), not data";
        if (fileName.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) found += "; the name ends in .gz but the content is not gzip";
        return found;
    }

    private static string TypeName(byte type) => type switch
    {
        0x08 => "unsigned byte",
        0x09 => "signed byte",
        0x0B => "16-bit integers",
        0x0C => "32-bit integers",
        0x0D => "32-bit floats",
        0x0E => "64-bit floats",
        _ => "not an IDX type",
    };

    private static FileStream OpenFile(string path, string name)
    {
        try
        {
            // bufferSize 1: large reads go straight into the destination array.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new MnistDataException(name, "the file to exist", "no such file", "run Mnist.Ensure() to fetch it, or copy it there", e);
        }
    }

    // The first (up to) 64 bytes: enough for any IDX header and for describing a foreign file.
    private static byte[] ReadHead(FileStream file)
    {
        var head = new byte[64];
        var n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return head[..n];
    }

    private static byte[] ReadPayload(FileStream file, int headerSize, long length, byte[] head, System.Security.Cryptography.IncrementalHash? hash)
    {
        // Every byte is overwritten by the read, so skip zeroing 47 MB first.
        var payload = GC.AllocateUninitializedArray<byte>(checked((int)length));
        file.Position = headerSize;
        try
        {
            file.ReadExactly(payload);
        }
        catch (EndOfStreamException e)
        {
            var name = MnistPaths.Display(file.Name);
            throw new MnistDataException(name, $"{headerSize + length:N0} bytes", "a file that shrank while it was read", MnistDataException.DeleteAndRetry(name), e);
        }
        hash?.AppendData(head, 0, headerSize);
        hash?.AppendData(payload);
        return payload;
    }

    private static byte[] Inflate(byte[] bytes, string fileName) => IsGzip(bytes) ? Gunzip(bytes, fileName) : bytes;

    private static byte[] Gunzip(byte[] compressed, string fileName)
    {
        try
        {
            using var gz = new GZipStream(new MemoryStream(compressed, writable: false), CompressionMode.Decompress);
            return ReadToEnd(gz);
        }
        catch (InvalidDataException e)
        {
            throw new MnistDataException(fileName, "a complete, valid gzip stream", $"a damaged gzip stream ({e.Message})",
                MnistDataException.DeleteAndRetry(fileName), e);
        }
    }

    private static byte[] ReadToEnd(Stream stream)
    {
        // Pre-size from the stream length when known, so a 47 MB file is not copied twice.
        var ms = stream.CanSeek ? new MemoryStream((int)Math.Min(Array.MaxLength, stream.Length - stream.Position)) : new MemoryStream();
        stream.CopyTo(ms);
        return ms.Length == ms.Capacity ? ms.GetBuffer() : ms.ToArray();
    }
}
