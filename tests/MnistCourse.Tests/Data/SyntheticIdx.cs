using System.Buffers.Binary;
using System.IO.Compression;
using MnistCourse.Data;

namespace MnistCourse.Tests.Data;

/// <summary>Builds small IDX files in memory (the real data is never committed; tests make their own).</summary>
internal static class SyntheticIdx
{
    /// <summary>An IDX header: the 4-byte magic then each dimension, big-endian.</summary>
    public static byte[] Header(uint magic, params uint[] dims)
    {
        var bytes = new byte[4 + 4 * dims.Length];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, magic);
        for (var i = 0; i < dims.Length; i++) BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4 + 4 * i), dims[i]);
        return bytes;
    }

    /// <summary>An image file of <paramref name="count"/> images with a recognisable pixel pattern.</summary>
    public static byte[] Images(int count, int rows = 28, int cols = 28, int seed = 0) =>
        [.. Header(IdxFile.ImagesMagic, (uint)count, (uint)rows, (uint)cols), .. Pixels(count, rows, cols, seed)];

    /// <summary>The pixels <see cref="Images"/> writes: pixel k of the whole stack is (k * 7 + seed) mod 256.</summary>
    public static byte[] Pixels(int count, int rows = 28, int cols = 28, int seed = 0) =>
        Enumerable.Range(0, count * rows * cols).Select(k => (byte)((k * 7 + seed) % 256)).ToArray();

    /// <summary>A label file holding exactly <paramref name="labels"/>.</summary>
    public static byte[] Labels(params byte[] labels) => [.. Header(IdxFile.LabelsMagic, (uint)labels.Length), .. labels];

    /// <summary>Gzip-compresses <paramref name="raw"/> (what the mirrors serve).</summary>
    public static byte[] Gzip(byte[] raw)
    {
        var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(raw);
        return ms.ToArray();
    }
}

/// <summary>
/// A complete small "MNIST" with the real file names: 5 training and 3 test images, and a catalogue
/// carrying their sizes and SHA-256s, so the cache can be exercised without the 55 MB of real data.
/// </summary>
internal sealed class SyntheticSet
{
    public static readonly byte[] TrainLabelValues = [5, 0, 4, 1, 9];
    public static readonly byte[] TestLabelValues = [7, 2, 1];

    public SyntheticSet()
    {
        TrainImages = SyntheticIdx.Images(TrainLabelValues.Length, seed: 1);
        TrainLabels = SyntheticIdx.Labels(TrainLabelValues);
        TestImages = SyntheticIdx.Images(TestLabelValues.Length, seed: 2);
        TestLabels = SyntheticIdx.Labels(TestLabelValues);
        var o = MnistCatalog.Original;
        Catalog = new MnistCatalog(
            Spec(o.TrainImages, TrainImages), Spec(o.TrainLabels, TrainLabels),
            Spec(o.TestImages, TestImages), Spec(o.TestLabels, TestLabels));
        ByName = new Dictionary<string, byte[]>
        {
            [o.TrainImages.Name] = TrainImages,
            [o.TrainLabels.Name] = TrainLabels,
            [o.TestImages.Name] = TestImages,
            [o.TestLabels.Name] = TestLabels,
        };
    }

    public byte[] TrainImages { get; }
    public byte[] TrainLabels { get; }
    public byte[] TestImages { get; }
    public byte[] TestLabels { get; }
    public MnistCatalog Catalog { get; }
    public IReadOnlyDictionary<string, byte[]> ByName { get; }

    /// <summary>Writes the four raw files into <paramref name="folder"/> (optionally under other names).</summary>
    public void WriteRaw(string folder, Func<MnistFileSpec, string>? nameOf = null)
    {
        foreach (var spec in Catalog.All) File.WriteAllBytes(Path.Combine(folder, nameOf?.Invoke(spec) ?? spec.Name), ByName[spec.Name]);
    }

    /// <summary>Writes the four files gzip-compressed, as <c>&lt;name&gt;.gz</c>.</summary>
    public void WriteGz(string folder)
    {
        foreach (var spec in Catalog.All) File.WriteAllBytes(Path.Combine(folder, spec.Name + ".gz"), SyntheticIdx.Gzip(ByName[spec.Name]));
    }

    private static MnistFileSpec Spec(MnistFileSpec original, byte[] content) =>
        original with
        {
            Count = original.Kind == MnistFileKind.Images ? (content.Length - 16) / 784 : content.Length - 8,
            RawSize = content.Length,
            Sha256 = MnistVerifier.Sha256Hex(content),
        };
}
