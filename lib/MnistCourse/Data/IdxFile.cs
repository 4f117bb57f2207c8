using System.Buffers.Binary;
using System.Text;

namespace MnistCourse.Data;

/// <summary>
/// Reads an MNIST file in the IDX format: a big-endian header — magic <c>0x00000803</c> then count, rows and
/// cols for images; magic <c>0x00000801</c> then count for labels — followed by one unsigned byte per pixel
/// (row-major, image after image; 0 = background, 255 = ink) or per label.
/// </summary>
public static class IdxFile
{
    /// <summary>
    /// The bytes after the header (the pixels, or the labels), once magic, count, 28×28 shape, exact length and
    /// labels 0–9 match <paramref name="expected"/>; anything else is a <see cref="MnistDataException"/>.
    /// </summary>
    public static byte[] Read(string path, MnistFile expected)
    {
        var name = MnistPaths.Display(path);
        // bufferSize 1: the payload is read straight into its array.
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var header = new byte[expected.HeaderSize];
        var read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        CheckHeader(header.AsSpan(0, read), name, expected);
        if (file.Length != expected.Size)
            throw Wrong(name, $"{expected.Size:N0} bytes ({expected.HeaderSize}-byte header + {expected.Description})", file.Length < expected.Size
                ? $"{file.Length:N0} bytes: truncated, {expected.Size - file.Length:N0} bytes missing (an interrupted download?)"
                : $"{file.Length:N0} bytes: {file.Length - expected.Size:N0} trailing bytes after the data");
        // Every byte is overwritten by the read, so the 47 MB of training images are not zeroed first.
        var payload = GC.AllocateUninitializedArray<byte>((int)(expected.Size - expected.HeaderSize));
        file.ReadExactly(payload);
        var badLabel = expected.IsImages ? -1 : payload.AsSpan().IndexOfAnyInRange((byte)10, (byte)255);
        if (badLabel >= 0) throw Wrong(name, "labels 0–9", $"label {payload[badLabel]} at index {badLabel:N0}");
        return payload;
    }

    private static void CheckHeader(ReadOnlySpan<byte> header, string name, MnistFile expected)
    {
        var what = expected.IsImages ? "images" : "labels";
        var magic = expected.IsImages ? 0x00000803u : 0x00000801u;
        var expectedMagic = $"magic 0x{magic:X8} (IDX {what}: unsigned bytes, {(expected.IsImages ? 3 : 1)} dimension(s))";
        if (header.Length < 4) throw Wrong(name, expectedMagic, $"only {header.Length} byte(s): the file is empty or cut short");
        var found = BinaryPrimitives.ReadUInt32BigEndian(header);
        if (found != magic) throw Wrong(name, expectedMagic, DescribeForeign(header, found));
        if (header.Length < expected.HeaderSize)
            throw Wrong(name, $"a {expected.HeaderSize}-byte IDX header", $"only {header.Length} bytes: the file is cut short");
        var count = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        if (count != expected.Count) throw Wrong(name, $"{expected.Count:N0} {what}", $"{count:N0} {what} (a different or partial data set)");
        if (!expected.IsImages) return;
        var (rows, cols) = (BinaryPrimitives.ReadUInt32BigEndian(header[8..]), BinaryPrimitives.ReadUInt32BigEndian(header[12..]));
        if (rows != MnistFile.Side || cols != MnistFile.Side)
            throw Wrong(name, $"{MnistFile.Side}×{MnistFile.Side}-pixel images", $"{rows}×{cols} (not MNIST-shaped images)");
    }

    // Say what a file that is not the expected IDX looks like: an HTML error page saved under a data file's
    // name is the classic failure.
    private static string DescribeForeign(ReadOnlySpan<byte> header, uint magic)
    {
        var text = new string(Encoding.ASCII.GetString(header).Select(c => c is >= ' ' and <= '~' ? c : '.').ToArray());
        var found = $"magic 0x{magic:X8} (\"{text}\")";
        if (magic is 0x00000801 or 0x00000803) return found + (magic == 0x00000801 ? " — this is a label file" : " — this is an image file");
        if (header[0] == 0x1F && header[1] == 0x8B) return found + " — gzip-compressed data: gunzip it first";
        if (header.TrimStart("\uFEFF \t\r\n"u8) is [(byte)'<', ..]) return found + " — an HTML page (an error page saved under the data file's name), not data";
        return found;
    }

    private static MnistDataException Wrong(string name, string expected, string found) =>
        new(name, expected, found, MnistDataException.DeleteAndFetchAgain(name));
}
