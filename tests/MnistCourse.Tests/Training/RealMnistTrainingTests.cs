using MnistCourse.Data;
using MnistCourse.Models;
using MnistCourse.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Training;

/// <summary>Training on the real MNIST (fetched and verified on first use): proves the native library loads and the loop learns.</summary>
[Trait("Category", "RealData")]
[Trait("Speed", "Slow")]
public class RealMnistTrainingTests
{
    [Fact]
    public void LoadData_gives_Keras_shaped_uint8_tensors()
    {
        var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadData();
        Assert.Equal([60_000L, 28, 28], xTrain.shape);
        Assert.Equal([10_000L], yTest.shape);
        Assert.Equal(ScalarType.Byte, xTrain.dtype);
        Assert.Equal(5, yTrain[0].item<byte>());
        Assert.Equal(7, yTest[0].item<byte>());
        Assert.Equal(255, xTrain.max().item<byte>());
    }

    [Fact]
    public void ReadDataSets_trains_on_images_5000_to_59999_as_TensorFlow_did()
    {
        var ((_, yTrain), _) = Mnist.LoadData();
        var mnist = Mnist.ReadDataSets();
        Assert.Equal([55_000L, 784], mnist.Train.Images.shape);
        Assert.Equal(5_000, mnist.Validation.Count);
        Assert.Equal(yTrain[5000].item<byte>(), mnist.Train.Labels[0].argmax().item<long>());
        Assert.Equal(yTrain[0].item<byte>(), mnist.Validation.Labels[0].argmax().item<long>());
        Assert.InRange(mnist.Train.Images.max().item<float>(), 0.999f, 1.0f);
    }

    [Fact]
    public void A_few_steps_on_real_MNIST_lower_the_loss()
    {
        manual_seed(0);
        var ((xTrain, yTrain), _) = Mnist.LoadData();
        var x = xTrain.narrow(0, 0, 640).reshape(640, 28, 28, 1).to(float32) / 255;
        var y = Utils.ToCategorical(yTrain.narrow(0, 0, 640));
        var model = TutorialModels.LeNet5();
        model.Compile("adam", "categorical_crossentropy", ["accuracy"]);
        var before = model.Evaluate(x, y, verbose: 0).Loss;
        model.Fit(x, y, batchSize: 64, epochs: 2, verbose: 0);
        var after = model.Evaluate(x, y, verbose: 0).Loss;
        Assert.True(after < before * 0.8, $"loss {before:0.000} → {after:0.000}");
    }

    /// <remarks>
    /// One epoch of RMSprop on 5,000 images stops mid-oscillation, so its test accuracy swings with the seed:
    /// the Keras-faithful PyTorch reference (shared/reference, the same 5,000 images, one epoch) measured
    /// 0.8053 0.7354 0.9083 0.8985 0.7841 0.7642 for seeds 0–5 (mean 0.816). A single seed against 0.85 would be
    /// seed-picking; the mean of seeds 0–2 against 0.80 is a floor the reference clears.
    /// </remarks>
    [Fact]
    public void Chollet_net_on_5000_images_for_one_epoch_learns_as_the_Keras_reference_does()
    {
        var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadData();
        var x = xTrain.narrow(0, 0, 5000).reshape(5000, 28, 28, 1).to(float32) / 255;
        var y = Utils.ToCategorical(yTrain.narrow(0, 0, 5000));
        var xt = xTest.reshape(10000, 28, 28, 1).to(float32) / 255;
        var yt = Utils.ToCategorical(yTest);
        var accuracies = new List<double>();
        foreach (var seed in new[] { 0, 1, 2 })
        {
            manual_seed(seed);
            var model = TutorialModels.Chollet();
            model.Compile("rmsprop", "categorical_crossentropy", ["accuracy"]);
            model.Fit(x, y, batchSize: 64, epochs: 1, verbose: 0);
            accuracies.Add(model.Evaluate(xt, yt, verbose: 0).Accuracy);
        }
        Assert.True(accuracies.Average() >= 0.80, $"test accuracies {string.Join(", ", accuracies.Select(a => a.ToString("0.0000")))}");
        Assert.All(accuracies, a => Assert.True(a >= 0.60, $"a seed collapsed: {a:0.0000}"));
    }
}
