using MnistCourse.Models;
using MnistCourse.Layers;
using MnistCourse.Tensors;
using MnistCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Training;

[Trait("Speed", "Slow")]
public class FitTests
{
    /// <summary>Two easy classes: bright top half vs bright bottom half, with noise.</summary>
    private static (Tensor x, Tensor y) Synthetic(int n, int seed = 0)
    {
        var generator = new Generator((ulong)seed);
        var labels = randint(0, 2, [n], generator: generator);
        var x = rand([n, 28, 28, 1], generator: generator) * 0.3f;
        var top = labels.eq(0).reshape(n, 1, 1, 1).to(ScalarType.Float32);
        x[TensorIndex.Colon, TensorIndex.Slice(0, 14)] += top * 0.7f;
        x[TensorIndex.Colon, TensorIndex.Slice(14, 28)] += (1 - top) * 0.7f;
        return (x, Utils.ToCategorical(labels));
    }

    private static Sequential SmallNet()
    {
        var model = new Sequential(
            new Conv2D(4, (3, 3), activation: "relu", inputShape: (28, 28, 1)),
            new MaxPooling2D(),
            new Flatten(),
            new Dense(10, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: ["accuracy"]);
        return model;
    }

    [Fact]
    public void Fit_learns_and_records_a_Keras_history()
    {
        manual_seed(0);
        var (x, y) = Synthetic(512);
        var model = SmallNet();
        var history = model.Fit(x, y, batchSize: 64, epochs: 3, verbose: 0);
        Assert.Equal(3, history.Epochs);
        Assert.Equal(["loss", "accuracy"], history.Keys);
        Assert.True(history["loss"][2] < history["loss"][0]);
        Assert.True(history["accuracy"][2] > 0.9, $"accuracy {history["accuracy"][2]}");
        Assert.Equal([8, 8, 8], history.Timing.EpochSteps);
        var (loss, accuracy) = model.Evaluate(x, y, verbose: 0);
        Assert.True(accuracy > 0.9);
        Assert.True(loss < history["loss"][0]);
    }

    [Fact]
    public void Validation_split_holds_out_the_last_fraction_before_shuffling()
    {
        manual_seed(1);
        var (x, y) = Synthetic(200);
        var model = SmallNet();
        var history = model.Fit(x, y, batchSize: 32, epochs: 1, verbose: 0, validationSplit: 0.25);
        Assert.Equal(5, history.Timing.EpochSteps[0]); // 150 training samples / 32, last batch partial
        var (valLoss, valAccuracy) = model.Evaluate(x.narrow(0, 150, 50), y.narrow(0, 150, 50), verbose: 0);
        Assert.Equal(valLoss, history["val_loss"][0], 6);
        Assert.Equal(valAccuracy, history["val_accuracy"][0], 6);
    }

    [Fact]
    public void Same_seed_gives_the_same_training()
    {
        History Run()
        {
            manual_seed(7);
            var (x, y) = Synthetic(256, seed: 3);
            return SmallNet().Fit(x, y, batchSize: 32, epochs: 2, verbose: 0);
        }
        Assert.Equal(Run()["loss"], Run()["loss"]);
    }

    [Fact]
    public void A_NaN_loss_stops_training_naming_epoch_and_step()
    {
        var (x, y) = Synthetic(64);
        x[3, 0, 0, 0] = float.NaN;
        var model = SmallNet();
        var e = Assert.Throws<TrainingDivergedException>(() => model.Fit(x, y, batchSize: 64, epochs: 2, verbose: 0, shuffle: false));
        Assert.Equal((1, 1), (e.Epoch, e.Step));
        Assert.Contains("epoch 1, step 1", e.Message);
    }

    [Fact]
    public void Fit_before_compile_and_integer_labels_get_clear_errors()
    {
        var (x, y) = Synthetic(8);
        var model = new Sequential(new Flatten(inputShape: (28, 28, 1)), new Dense(10, activation: "softmax"));
        Assert.Contains("Compile", Assert.Throws<InvalidOperationException>(() => model.Fit(x, y)).Message);
        model.Compile("rmsprop", "categorical_crossentropy");
        var e = Assert.Throws<ArgumentException>(() => model.Fit(x, y.argmax(1), verbose: 0));
        Assert.Contains("ToCategorical", e.Message);
        Assert.Contains("8 inputs but 7 labels", Assert.Throws<ArgumentException>(() => model.Fit(x, y.narrow(0, 0, 7), verbose: 0)).Message);
    }

    [Fact]
    public void Predict_layer_outputs_and_saved_weights()
    {
        manual_seed(2);
        var (x, y) = Synthetic(64);
        var model = TutorialModels.Chollet();
        model.Compile("rmsprop", "categorical_crossentropy", ["accuracy"]);
        model.Fit(x, y, batchSize: 32, epochs: 1, verbose: 0);
        var probabilities = model.Predict(x.narrow(0, 0, 5));
        Assert.Equal([5L, 10], probabilities.shape);

        var outputs = model.LayerOutputs(x.narrow(0, 0, 1), "conv2d", "max_pooling2d_1", "dense");
        Assert.Equal([1L, 26, 26, 32], outputs["conv2d"].shape);
        Assert.Equal([1L, 5, 5, 64], outputs["max_pooling2d_1"].shape);
        Assert.Equal([1L, 64], outputs["dense"].shape);
        Assert.Throws<ArgumentException>(() => model.LayerOutputs(x.narrow(0, 0, 1), "conv3d"));

        var path = Path.Combine(Path.GetTempPath(), $"chollet-{Guid.NewGuid():N}.weights");
        try
        {
            model.SaveWeights(path);
            var copy = TutorialModels.Chollet();
            copy.LoadWeights(path);
            Assert.True(copy.Predict(x.narrow(0, 0, 5)).allclose(probabilities));
            Assert.Throws<InvalidDataException>(() => TutorialModels.LeNet5().LoadWeights(path));
            Assert.Throws<FileNotFoundException>(() => copy.LoadWeights(path + ".missing"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Resident_memory_stays_flat_from_epoch_1_to_5()
    {
        manual_seed(3);
        var (x, y) = Synthetic(2048);
        var model = TutorialModels.Chollet();
        model.Compile("rmsprop", "categorical_crossentropy", ["accuracy"]);
        var history = model.Fit(x, y, batchSize: 64, epochs: 5, verbose: 0);
        var rss = history.Timing.ResidentMegabytes;
        Assert.True(rss[4] <= rss[0] * 1.10, $"RSS after epoch 1: {rss[0]:0} MB, after epoch 5: {rss[4]:0} MB");
    }

    [Fact]
    public void A_host_cancellation_stops_fit_between_batches()
    {
        var (x, y) = Synthetic(256);
        var model = SmallNet();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        CellCancellation.Publish(() => cancelled.Token);
        try
        {
            Assert.Throws<OperationCanceledException>(() => model.Fit(x, y, batchSize: 32, epochs: 1, verbose: 0));
        }
        finally { CellCancellation.Clear(); }
        Assert.Equal(1, model.Fit(x, y, batchSize: 32, epochs: 1, verbose: 0).Epochs); // usable afterwards
    }
}
