using MnistCourse.Data;

namespace MnistCourse.Tests.Data;

public sealed class MnistSplitsTests
{
    private static LabeledImages Numbered(int count)
    {
        // Image i is filled with the byte i, label i % 10: any reordering would show.
        var pixels = new byte[count * 784];
        for (var i = 0; i < count; i++) pixels.AsSpan(i * 784, 784).Fill((byte)i);
        return new LabeledImages(new MnistImages(count, 28, 28, pixels), Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray());
    }

    [Fact]
    public void Keras_validation_split_holds_out_the_last_fraction()
    {
        Assert.Equal((..54_000, 54_000..60_000), MnistSplits.KerasValidationRanges(60_000, 0.1));
        Assert.Equal((..48_000, 48_000..60_000), MnistSplits.KerasValidationRanges(60_000, 0.2));
        Assert.Equal((..6, 6..10), MnistSplits.KerasValidationRanges(10, 0.33)); // floor(10 * 0.67) = 6
    }

    [Fact]
    public void Keras_validation_split_copies_keep_file_order()
    {
        var (train, validation) = MnistSplits.KerasValidationSplit(Numbered(20), 0.25);

        Assert.Equal(15, train.Count);
        Assert.Equal(5, validation.Count);
        Assert.Equal(15, validation.Images.Image(0)[0]);   // the validation part starts at item 15
        Assert.Equal(19, validation.Images.Image(4)[783]);
        Assert.Equal(new byte[] { 5, 6, 7, 8, 9 }, validation.Labels);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void Keras_validation_split_outside_0_1_is_refused(double f) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MnistSplits.KerasValidationRanges(100, f));

    [Fact]
    public void Keras_validation_split_refuses_an_empty_validation_side() =>
        Assert.Throws<ArgumentException>(() => MnistSplits.KerasValidationRanges(1, 1e-20)); // 1 - 1e-20 == 1.0

    [Fact]
    public void Keras_validation_split_refuses_an_empty_training_side() =>
        Assert.Throws<ArgumentException>(() => MnistSplits.KerasValidationRanges(1, 0.5));

    [Fact]
    public void Read_data_sets_takes_the_first_5000_as_validation()
    {
        Assert.Equal((5_000..60_000, ..5_000), MnistSplits.ReadDataSetsRanges(60_000));
        Assert.Equal((0..10, ..0), MnistSplits.ReadDataSetsRanges(10, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MnistSplits.ReadDataSetsRanges(10, 11));
    }

    [Fact]
    public void Read_data_sets_copies_train_validation_and_test()
    {
        var data = new MnistData(Numbered(12), Numbered(4));

        var (train, validation, test) = MnistSplits.ReadDataSets(data, validationSize: 5);

        Assert.Equal(7, train.Count);
        Assert.Equal(5, train.Images.Image(0)[0]);          // mnist.train starts at image 5
        Assert.Equal(new byte[] { 0, 1, 2, 3, 4 }, validation.Labels);
        Assert.Same(data.Test, test);
    }

    [Fact]
    public void Select_keeps_images_and_labels_together()
    {
        var picked = Numbered(10).Select([7, 2]);
        Assert.Equal(new byte[] { 7, 2 }, picked.Labels);
        Assert.Equal(7, picked.Images.Image(0)[100]);
        Assert.Equal(2, picked.Images.Image(1)[100]);
    }
}
