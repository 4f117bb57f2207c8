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
        Assert.Contains("./course setup", e.Message);
        Assert.Contains("fetched and verified", e.Message);
        return e;
    }

    [Fact]
    public void Image_file_gives_its_pixels_image_after_image()
    {
        var path = Write("imgs-idx3-ubyte", SyntheticIdx.Images(3, seed: 5));

        Assert.Equal(SyntheticIdx.Pixels(3, seed: 5), IdxFile.Read(path, SyntheticIdx.Expect("imgs-idx3-ubyte", 3)));
    }

    [Fact]
    public void Label_file_gives_its_labels()
    {
        var path = Write("labels-idx1-ubyte", SyntheticIdx.Labels(5, 0, 4, 1, 9, 2, 1, 3, 1, 4));
        Assert.Equal(new byte[] { 5, 0, 4, 1, 9, 2, 1, 3, 1, 4 }, IdxFile.Read(path, SyntheticIdx.Expect("labels-idx1-ubyte", 10)));
    }

    [Fact]
    public void Wrong_magic_is_rejected()
    {
        var bytes = SyntheticIdx.Images(1);
        bytes[0] = 0x12;
        var path = Write("bad-magic-idx3-ubyte", bytes);

        var e = AssertRejected(() => IdxFile.Read(path, SyntheticIdx.Expect("bad-magic-idx3-ubyte", 1)), "bad-magic-idx3-ubyte");
        Assert.Contains("0x00000803", e.Expected);
        Assert.Contains("0x12000803", e.Found);
    }

    [Fact]
    public void Html_under_a_data_file_name_is_rejected_as_html()
    {
        var html = "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not Found</body></html>\n";
        var path = Write("train-images-idx3-ubyte", Encoding.ASCII.GetBytes(html));

        var e = AssertRejected(() => IdxFile.Read(path, MnistFile.TrainImages), "train-images-idx3-ubyte");
        Assert.Contains("HTML", e.Found);
        Assert.Contains("<!DOCTYPE", e.Found);
    }

    [Fact]
    public void Gzip_under_a_raw_name_says_to_gunzip_it()
    {
        var path = Write("t10k-labels-idx1-ubyte", [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 3]);
        var e = AssertRejected(() => IdxFile.Read(path, MnistFile.TestLabels), "t10k-labels-idx1-ubyte");
        Assert.Contains("gunzip", e.Found);
    }

    [Fact]
    public void Wrong_type_byte_is_rejected()
    {
        var bytes = SyntheticIdx.Images(1);
        bytes[2] = 0x0D; // float32
        var path = Write("floats-idx3-ubyte", bytes);

        var e = AssertRejected(() => IdxFile.Read(path, SyntheticIdx.Expect("floats-idx3-ubyte", 1)), "floats-idx3-ubyte");
        Assert.Contains("unsigned bytes", e.Expected);
        Assert.Contains("0x00000D03", e.Found);
    }

    [Fact]
    public void Label_file_given_as_images_is_rejected()
    {
        var path = Write("labels-idx1-ubyte", SyntheticIdx.Labels(1, 2, 3));
        var e = AssertRejected(() => IdxFile.Read(path, SyntheticIdx.Expect("images-idx3-ubyte", 3)), "labels-idx1-ubyte");
        Assert.Contains("label file", e.Found);
    }

    [Theory]
    [InlineData(32, 28)]
    [InlineData(28, 27)]
    public void Rows_and_cols_other_than_28_are_rejected(int rows, int cols)
    {
        var path = Write("odd-shape-idx3-ubyte", SyntheticIdx.Images(2, rows, cols));
        var e = AssertRejected(() => IdxFile.Read(path, SyntheticIdx.Expect("odd-shape-idx3-ubyte", 2)), "odd-shape-idx3-ubyte");
        Assert.Contains($"{rows}×{cols}", e.Found);
    }

    [Fact]
    public void Truncated_image_file_is_rejected()
    {
        var path = Write("short-idx3-ubyte", SyntheticIdx.Images(3)[..^100]);

        var e = AssertRejected(() => IdxFile.Read(path, SyntheticIdx.Expect("short-idx3-ubyte", 3)), "short-idx3-ubyte");
        Assert.Contains("truncated", e.Found);
        Assert.Contains("100 bytes missing", e.Found);
    }

    [Fact]
    public void Truncated_header_is_rejected()
    {
        var path = Write("stub-idx3-ubyte", SyntheticIdx.Images(1)[..10]);
        var e = AssertRejected(() => IdxFile.Read(path, SyntheticIdx.Expect("stub-idx3-ubyte", 1)), "stub-idx3-ubyte");
        Assert.Contains("16-byte IDX header", e.Expected);
        Assert.Contains("only 10 bytes", e.Found);
    }

    [Fact]
    public void Empty_file_is_rejected()
    {
        var path = Write("empty-idx1-ubyte", []);
        var e = AssertRejected(() => IdxFile.Read(path, SyntheticIdx.Expect("empty-idx1-ubyte", 1)), "empty-idx1-ubyte");
        Assert.Contains("empty", e.Found);
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        var path = Write("long-idx1-ubyte", [.. SyntheticIdx.Labels(1, 2, 3), 0, 0]);
        var e = AssertRejected(() => IdxFile.Read(path, SyntheticIdx.Expect("long-idx1-ubyte", 3)), "long-idx1-ubyte");
        Assert.Contains("2 trailing bytes", e.Found);
    }

    [Fact]
    public void Label_above_9_is_rejected()
    {
        var path = Write("labels-idx1-ubyte", SyntheticIdx.Labels(3, 1, 4, 12, 5));
        var e = AssertRejected(() => IdxFile.Read(path, SyntheticIdx.Expect("labels-idx1-ubyte", 5)), "labels-idx1-ubyte");
        Assert.Contains("0–9", e.Expected);
        Assert.Contains("label 12 at index 3", e.Found);
    }

    [Fact]
    public void Unexpected_count_is_rejected()
    {
        var path = Write("train-labels-idx1-ubyte", SyntheticIdx.Labels(1, 2, 3));
        var e = AssertRejected(() => IdxFile.Read(path, MnistFile.TrainLabels), "train-labels-idx1-ubyte");
        Assert.Contains("60,000 labels", e.Expected);
        Assert.Contains("3 labels", e.Found);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_name()
    {
        var e = Assert.Throws<FileNotFoundException>(() => IdxFile.Read(_dir.File("nope-idx1-ubyte"), SyntheticIdx.Expect("nope-idx1-ubyte", 1)));
        Assert.Contains("nope-idx1-ubyte", e.Message);
    }
}
