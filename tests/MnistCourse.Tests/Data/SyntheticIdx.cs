using System.Buffers.Binary;
using System.Security.Cryptography;
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
        [.. Header(0x00000803, (uint)count, (uint)rows, (uint)cols), .. Pixels(count, rows, cols, seed)];

    /// <summary>The pixels <see cref="Images"/> writes: pixel k of the whole stack is (k * 7 + seed) mod 256.</summary>
    public static byte[] Pixels(int count, int rows = 28, int cols = 28, int seed = 0) =>
        Enumerable.Range(0, count * rows * cols).Select(k => (byte)((k * 7 + seed) % 256)).ToArray();

    /// <summary>A label file holding exactly <paramref name="labels"/>.</summary>
    public static byte[] Labels(params byte[] labels) => [.. Header(0x00000801, (uint)labels.Length), .. labels];

    /// <summary>What the reader should expect of a file named <paramref name="name"/> (-idx3- for images) holding <paramref name="count"/> items.</summary>
    public static MnistFile Expect(string name, int count, byte[]? content = null) =>
        new(name, count, content is null ? "" : Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant());
}

/// <summary>
/// A complete small "MNIST" under the real file names: 5 training and 3 test images, with the sizes and
/// SHA-256s the cache must check, so the cache can be exercised without the 55 MB of real data.
/// </summary>
internal sealed class SyntheticSet
{
    public static readonly byte[] TrainLabelValues = [5, 0, 4, 1, 9];
    public static readonly byte[] TestLabelValues = [7, 2, 1];

    public SyntheticSet()
    {
        ByName = new Dictionary<string, byte[]>
        {
            [MnistFile.TrainImages.Name] = SyntheticIdx.Images(TrainLabelValues.Length, seed: 1),
            [MnistFile.TrainLabels.Name] = SyntheticIdx.Labels(TrainLabelValues),
            [MnistFile.TestImages.Name] = SyntheticIdx.Images(TestLabelValues.Length, seed: 2),
            [MnistFile.TestLabels.Name] = SyntheticIdx.Labels(TestLabelValues),
        };
        Files = MnistFile.All.Select(f => SyntheticIdx.Expect(f.Name, f.IsImages ? (ByName[f.Name].Length - 16) / 784 : ByName[f.Name].Length - 8, ByName[f.Name])).ToArray();
    }

    /// <summary>The four files' contents, by their real names, in the order train images, train labels, test images, test labels.</summary>
    public IReadOnlyDictionary<string, byte[]> ByName { get; }

    /// <summary>The catalogue the cache is given in place of <see cref="MnistFile.All"/>.</summary>
    public IReadOnlyList<MnistFile> Files { get; }

    /// <summary>Writes the four files into <paramref name="folder"/>.</summary>
    public void Write(string folder)
    {
        foreach (var (name, bytes) in ByName) File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }
}
