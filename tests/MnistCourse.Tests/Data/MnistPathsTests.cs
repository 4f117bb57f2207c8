using MnistCourse.Data;

namespace MnistCourse.Tests.Data;

public sealed class MnistPathsTests
{
    [Fact]
    public void The_user_cache_fallback_is_under_a_cache_folder()
    {
        Assert.EndsWith(Path.Combine("mnistcourse", "mnist"), MnistPaths.UserCacheFolder());
    }

    [Fact]
    public void Default_folder_is_MNIST_DIR_or_data_mnist_or_the_user_cache()
    {
        var env = Environment.GetEnvironmentVariable(MnistPaths.EnvironmentVariable);
        var root = CoursePaths.FindRoot();
        var expected = !string.IsNullOrWhiteSpace(env) ? Path.GetFullPath(env)
            : root is not null ? Path.Combine(root, "data", "mnist")
            : MnistPaths.UserCacheFolder();

        Assert.Equal(expected, MnistPaths.DefaultFolder());
    }

    [Fact]
    public void Catalogue_holds_the_published_sizes_and_hashes()
    {
        Assert.Equal(
            [("train-images-idx3-ubyte", 47_040_016L, 60_000), ("train-labels-idx1-ubyte", 60_008L, 60_000),
             ("t10k-images-idx3-ubyte", 7_840_016L, 10_000), ("t10k-labels-idx1-ubyte", 10_008L, 10_000)],
            MnistFile.All.Select(f => (f.Name, f.Size, f.Count)));
        Assert.Equal([true, false, true, false], MnistFile.All.Select(f => f.IsImages));
        Assert.Equal("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2", MnistFile.TestLabels.Sha256);
        Assert.Equal("60,000 training images", MnistFile.TrainImages.Description);
    }
}
