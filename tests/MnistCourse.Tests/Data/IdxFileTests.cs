using System.Text;
using MnistCourse.Data;

namespace MnistCourse.Tests.Data;

public sealed class IdxFileTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, byte[] bytes)
    {
        var path = _dir.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // Every rejection must name the file, and say how to fix it.
    private static MnistDataException AssertRejected(Action read, string fileName)
    {
        var e = Assert.Throws<MnistDataException>(read);
        Assert.Contains(fileName, e.Message);
        Assert.Contains("expected", e.Message);
        Assert.Contains("found", e.Message);
        Assert.Contains("delete", e.Message);
        Assert.Contains("fetched and verified", e.Message);
        return e;
    }

    [Fact]
    public void Raw_image_file_parses_count_shape_and_pixels()
    {
        var path = Write("imgs-idx3-ubyte", SyntheticIdx.Images(3, seed: 5));

        var images = IdxFile.ReadImages(path, expectedCount: 3);

        Assert.Equal((3, 28, 28, 784), (images.Count, images.Rows, images.Cols, images.PixelsPerImage));
        Assert.Equal(SyntheticIdx.Pixels(3, seed: 5), images.Pixels);
        Assert.Equal(SyntheticIdx.Pixels(3, seed: 5).AsSpan(784, 784).ToArray(), images.Image(1).ToArray());
    }

    [Fact]
    public void Gzip_files_parse_like_raw_ones()
    {
        var imagesGz = Write("imgs-idx3-ubyte.gz", SyntheticIdx.Gzip(SyntheticIdx.Images(2, seed: 9)));
        var labelsGz = Write("labels-idx1-ubyte.gz", SyntheticIdx.Gzip(SyntheticIdx.Labels(3, 1, 4)));

        var images = IdxFile.ReadImages(imagesGz);
        var labels = IdxFile.ReadLabels(labelsGz, expectedCount: 3);

        Assert.Equal(SyntheticIdx.Pixels(2, seed: 9), images.Pixels);
        Assert.Equal(new byte[] { 3, 1, 4 }, labels);
    }

    [Fact]
    public void Streams_are_read_raw_or_gzip_and_named_in_messages()
    {
        var raw = SyntheticIdx.Labels(0, 9, 5);
        Assert.Equal(new byte[] { 0, 9, 5 }, IdxFile.ReadLabels(new MemoryStream(raw), "in-memory"));
        Assert.Equal(new byte[] { 0, 9, 5 }, IdxFile.ReadLabels(new MemoryStream(SyntheticIdx.Gzip(raw)), "in-memory.gz"));

        var e = Assert.Throws<MnistDataException>(() => IdxFile.ReadImages(new MemoryStream(raw), "stream-name"));
        Assert.Equal("stream-name", e.FileName);
    }

    [Fact]
    public void Label_file_parses()
    {
        var path = Write("labels-idx1-ubyte", SyntheticIdx.Labels(5, 0, 4, 1, 9, 2, 1, 3, 1, 4));
        Assert.Equal(new byte[] { 5, 0, 4, 1, 9, 2, 1, 3, 1, 4 }, IdxFile.ReadLabels(path, 10));
    }

    [Fact]
    public void Wrong_magic_is_rejected()
    {
        var bytes = SyntheticIdx.Images(1);
        bytes[0] = 0x12;
        var path = Write("bad-magic-idx3-ubyte", bytes);

        var e = AssertRejected(() => IdxFile.ReadImages(path), "bad-magic-idx3-ubyte");
        Assert.Contains("0x00000803", e.Expected);
        Assert.Contains("12 00 08 03", e.Found);
    }

    [Fact]
    public void Html_saved_as_gz_is_rejected_as_html()
    {
        var html = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not Found</body></html>\n";
        var path = Write("train-images-idx3-ubyte.gz", Encoding.ASCII.GetBytes(html));

        var e = AssertRejected(() => IdxFile.ReadImages(path), "train-images-idx3-ubyte.gz");
        Assert.Contains("1F 8B", e.Expected);
        Assert.Contains("HTML", e.Found);
        Assert.Contains("not gzip", e.Found);
    }

    [Fact]
    public void Damaged_gzip_is_rejected()
    {
        var gz = SyntheticIdx.Gzip(SyntheticIdx.Images(4));
        for (var i = 20; i < gz.Length - 8; i++) gz[i] = 0xFF; // keeps the 1F 8B signature, ruins the deflate data
        var path = Write("damaged-idx3-ubyte.gz", gz);

        AssertRejected(() => IdxFile.ReadImages(path), "damaged-idx3-ubyte.gz");
    }

    [Fact]
    public void Wrong_type_byte_is_rejected()
    {
        var bytes = SyntheticIdx.Images(1);
        bytes[2] = 0x0D; // float32
        var path = Write("floats-idx3-ubyte", bytes);

        var e = AssertRejected(() => IdxFile.ReadImages(path), "floats-idx3-ubyte");
        Assert.Contains("0x08", e.Expected);
        Assert.Contains("0x0D", e.Found);
    }

    [Fact]
    public void Label_file_given_as_images_is_rejected()
    {
        var path = Write("labels-idx1-ubyte", SyntheticIdx.Labels(1, 2, 3));
        var e = AssertRejected(() => IdxFile.ReadImages(path), "labels-idx1-ubyte");
        Assert.Contains("label file", e.Found);
    }

    [Theory]
    [InlineData(32, 28)]
    [InlineData(28, 27)]
    public void Rows_and_cols_other_than_28_are_rejected(int rows, int cols)
    {
        var path = Write("odd-shape-idx3-ubyte", SyntheticIdx.Images(2, rows, cols));
        var e = AssertRejected(() => IdxFile.ReadImages(path), "odd-shape-idx3-ubyte");
        Assert.Contains($"{rows}×{cols}", e.Found);
    }

    [Fact]
    public void Truncated_image_file_is_rejected()
    {
        var bytes = SyntheticIdx.Images(3);
        var path = Write("short-idx3-ubyte", bytes[..^100]);

        var e = AssertRejected(() => IdxFile.ReadImages(path), "short-idx3-ubyte");
        Assert.Contains("truncated", e.Found);
        Assert.Contains("100 bytes missing", e.Found);
    }

    [Fact]
    public void Truncated_header_is_rejected()
    {
        var path = Write("stub-idx3-ubyte", SyntheticIdx.Images(1)[..10]);
        AssertRejected(() => IdxFile.ReadImages(path), "stub-idx3-ubyte");
    }

    [Fact]
    public void Empty_file_is_rejected()
    {
        var path = Write("empty-idx1-ubyte", []);
        AssertRejected(() => IdxFile.ReadLabels(path), "empty-idx1-ubyte");
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var path = Write("long-idx1-ubyte", [.. SyntheticIdx.Labels(1, 2, 3), 0, 0]);
        var e = AssertRejected(() => IdxFile.ReadLabels(path), "long-idx1-ubyte");
        Assert.Contains("2 trailing bytes", e.Found);
    }

    [Fact]
    public void Trailing_bytes_in_gzip_content_are_rejected()
    {
        var path = Write("long-idx3-ubyte.gz", SyntheticIdx.Gzip([.. SyntheticIdx.Images(1), 7]));
        var e = AssertRejected(() => IdxFile.ReadImages(path), "long-idx3-ubyte.gz");
        Assert.Contains("trailing", e.Found);
    }

    [Fact]
    public void Label_above_9_is_rejected()
    {
        var path = Write("labels-idx1-ubyte", SyntheticIdx.Labels(3, 1, 4, 12, 5));
        var e = AssertRejected(() => IdxFile.ReadLabels(path), "labels-idx1-ubyte");
        Assert.Contains("0–9", e.Expected);
        Assert.Contains("label 12 at index 3", e.Found);
    }

    [Fact]
    public void Unexpected_count_is_rejected()
    {
        var path = Write("labels-idx1-ubyte", SyntheticIdx.Labels(1, 2, 3));
        var e = AssertRejected(() => IdxFile.ReadLabels(path, expectedCount: 60_000), "labels-idx1-ubyte");
        Assert.Contains("60,000 labels", e.Expected);
        Assert.Contains("3 labels", e.Found);
    }

    [Fact]
    public void Image_and_label_counts_that_differ_are_rejected_naming_both_files()
    {
        var images = Write("pair-images-idx3-ubyte", SyntheticIdx.Images(3));
        var labels = Write("pair-labels-idx1-ubyte", SyntheticIdx.Labels(1, 2));

        var e = Assert.Throws<MnistDataException>(() => IdxFile.ReadPair(images, labels));
        Assert.Contains("pair-images-idx3-ubyte", e.Message);
        Assert.Contains("pair-labels-idx1-ubyte", e.Message);
        Assert.Contains("2 labels", e.Found);
        Assert.Contains("delete", e.Fix);
    }

    [Fact]
    public void Matching_pair_is_read_together()
    {
        var images = Write("ok-images-idx3-ubyte", SyntheticIdx.Images(2));
        var labels = Write("ok-labels-idx1-ubyte", SyntheticIdx.Labels(8, 3));

        var (x, y) = IdxFile.ReadPair(images, labels, expectedCount: 2);

        Assert.Equal(2, x.Count);
        Assert.Equal(new byte[] { 8, 3 }, y);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_name()
    {
        var e = Assert.Throws<MnistDataException>(() => IdxFile.ReadLabels(_dir.File("nope-idx1-ubyte")));
        Assert.Contains("nope-idx1-ubyte", e.Message);
    }
}
