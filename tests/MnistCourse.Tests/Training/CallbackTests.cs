using MnistCourse.Layers;
using MnistCourse.Models;
using MnistCourse.Tensors;
using MnistCourse.Training;
using MnistCourse.Training.Callbacks;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Training;

/// <summary>Fit's callbacks and metrics, on a network small enough to train in milliseconds.</summary>
public class CallbackTests
{
    private static Sequential TinyNet(IReadOnlyList<string>? metrics = null, string? hidden = null)
    {
        Course.Setup(seed: 0);
        var model = new Sequential(new Flatten(inputShape: (4, 4, 1)), new Dense(8), new Activation(hidden ?? "relu"), new Dense(3, activation: "softmax"));
        model.Compile("adam", "categorical_crossentropy", metrics ?? ["accuracy"]);
        return model;
    }

    private static (Tensor x, Tensor y) Data(int n = 40) => (rand(n, 4, 4, 1), Utils.ToCategorical(randint(0, 3, n), 3));

    private static Dictionary<string, double> ValLoss(double value) => new() { ["loss"] = 1, ["val_loss"] = value };

    /// <summary>Feeds <paramref name="values"/> of val_loss to a callback as Fit would, one epoch each; returns the epochs run.</summary>
    private static int Run(Callback callback, params double[] values)
    {
        var model = TinyNet();
        (callback.Model, model.StopTraining) = (model, false);
        callback.OnTrainBegin(ValLoss(0));
        int epoch = 0;
        while (epoch < values.Length && !model.StopTraining) callback.OnEpochEnd(epoch, ValLoss(values[epoch++]));
        callback.OnTrainEnd(ValLoss(values[epoch - 1]));
        return epoch;
    }

    [Fact]
    public void EarlyStopping_waits_patience_epochs_without_an_improvement_greater_than_min_delta()
    {
        // Keras' own example: a loss that never improves with patience 3 runs 4 epochs.
        Assert.Equal(4, Run(new EarlyStopping(patience: 3), 1, 1, 1, 1, 1, 1));
        Assert.Equal(4, Run(new EarlyStopping(patience: 2), 1.0, 0.9, 0.95, 0.91, 0.8));
        Assert.Equal(4, Run(new EarlyStopping(patience: 2), 1.0, 0.9, 0.9, 0.9, 0.9));
        Assert.Equal(3, Run(new EarlyStopping(patience: 2, minDelta: 0.15), 1.0, 0.9, 0.9, 0.9, 0.9));   // 0.1 better is no improvement
        Assert.Equal(6, Run(new EarlyStopping(patience: 0, startFromEpoch: 3), 1, 2, 3, 1, 0.5, 2, 0.1));
        Assert.Equal(3, Run(new EarlyStopping(monitor: "val_loss", mode: "max", patience: 1), 1, 2, 1, 0.5));
        var stop = new EarlyStopping(patience: 1, baseline: 0.5);  // improving, but never under the baseline
        Assert.Equal(3, Run(stop, 1.0, 0.9, 0.95, 0.6));
        Assert.Equal((1, 2), (stop.BestEpoch, stop.StoppedEpoch));
    }

    [Fact]
    public void EarlyStopping_needs_a_direction_it_can_tell()
    {
        Assert.Contains("mode", Assert.Throws<ArgumentException>(() => new EarlyStopping(monitor: "val_f1")).Message);
        Assert.Contains("\"max\"", Assert.Throws<ArgumentException>(() => new EarlyStopping(mode: "best")).Message);
        new EarlyStopping(monitor: "val_accuracy"); // auto: higher is better
    }

    [Fact]
    public void EarlyStopping_restores_the_weights_of_the_best_epoch()
    {
        var model = TinyNet();
        var (x, y) = Data(60);
        var kept = new List<float[]>();
        var record = new Recorder { AtEpochEnd = m => kept.Add(m.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray()) };
        // "loss" watched for a maximum: the first epoch stays the best while the loss falls.
        var stop = new EarlyStopping(monitor: "loss", mode: "max", patience: 2, restoreBestWeights: true);
        var history = model.Fit(x, y, batchSize: 10, epochs: 10, verbose: 0, callbacks: [record, stop]);
        int best = Enumerable.Range(0, history.Epochs).MaxBy(e => history["loss"][e]);
        Assert.Equal(best, stop.BestEpoch);
        Assert.Equal(history.Epochs - 1, stop.StoppedEpoch);
        Assert.True(history.Epochs < 10, $"ran {history.Epochs} epochs");
        Assert.Equal(kept[best], model.parameters().SelectMany(p => p.data<float>().ToArray()).ToArray());
    }

    [Fact]
    public void ModelCheckpoint_fills_the_file_name_and_saves_only_improvements_when_asked()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var every = new ModelCheckpoint(Path.Combine(folder, "e{epoch:02d}-{val_loss:.2f}.weights"));
            Assert.Equal(Path.Combine(folder, "e03-0.12.weights"), every.FilePath(2, ValLoss(0.1234)));
            Assert.Equal(2, Run(every, 0.5, 0.7));
            Assert.True(File.Exists(Path.Combine(folder, "e02-0.70.weights")));

            var best = new ModelCheckpoint(Path.Combine(folder, "best-{epoch}.weights"), saveBestOnly: true);
            Run(best, 0.5, 0.7, 0.4);
            Assert.Equal(["best-1.weights", "best-3.weights"], Directory.GetFiles(folder, "best-*").Select(f => Path.GetFileName(f)).Order());
            Assert.Equal(0.4, best.Best);

            var wrong = new ModelCheckpoint(Path.Combine(folder, "{val_acc}.weights"));
            Assert.Contains("val_loss", Assert.Throws<ArgumentException>(() => wrong.FilePath(0, ValLoss(1))).Message);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void A_custom_callback_sees_Keras_hooks_in_order_and_can_stop_training()
    {
        var model = TinyNet();
        var (x, y) = Data(40);
        var seen = new Recorder { StopAtBatch = 1 };
        var history = model.Fit(x, y, batchSize: 10, epochs: 3, verbose: 0, callbacks: [seen]);
        Assert.Equal(["train_begin", "epoch_begin 0", "batch_begin 0", "batch_end 0 loss,accuracy", "batch_begin 1", "batch_end 1 loss,accuracy",
                      "epoch_end 0 loss,accuracy", "train_end loss,accuracy"], seen.Events);
        Assert.Equal(new FitParams(3, 4, 0), seen.Params);
        Assert.Equal([2], history.Timing.EpochSteps);
        Assert.True(model.StopTraining);
        model.Fit(x, y, batchSize: 10, epochs: 1, verbose: 0);
        Assert.False(model.StopTraining); // each Fit starts afresh
    }

    [Fact]
    public void TerminateOnNaN_stops_quietly_by_default_and_Fit_raises_without_it()
    {
        var model = TinyNet();
        var (x, y) = Data(40);
        x[0, 0, 0, 0] = float.NaN;
        var history = model.Fit(x, y, batchSize: 10, epochs: 3, verbose: 0, shuffle: false, callbacks: [new TerminateOnNaN()]);
        Assert.Equal((1, 1), (history.Epochs, history.Timing.EpochSteps[0]));
        Assert.True(double.IsNaN(history["loss"][0]));
        var e = Assert.Throws<TrainingDivergedException>(() => TinyNet().Fit(x, y, batchSize: 10, epochs: 3, verbose: 0, shuffle: false));
        Assert.Equal((1, 1), (e.Epoch, e.Step));
    }

    [Fact]
    public void The_compiled_metrics_are_what_History_records()
    {
        var (x, y) = Data(40);
        var history = TinyNet(metrics: []).Fit(x, y, batchSize: 10, epochs: 1, verbose: 0, validationSplit: 0.25);
        Assert.Equal(["loss", "val_loss"], history.Keys);
        history = TinyNet(metrics: ["acc"]).Fit(x, y, batchSize: 10, epochs: 1, verbose: 0, validationSplit: 0.25);
        Assert.Equal(["loss", "acc", "val_loss", "val_acc"], history.Keys);
        var e = Assert.Throws<ArgumentException>(() => TinyNet(metrics: ["mae"]));
        Assert.Contains("\"accuracy\"", e.Message);
    }

    [Fact]
    public void A_linear_Activation_layer_passes_its_input_on()
    {
        var model = TinyNet(hidden: "linear");
        var (x, y) = Data(20);
        Assert.Equal(1, model.Fit(x, y, batchSize: 10, epochs: 1, verbose: 0).Epochs);
        Assert.Equal([20L, 3], model.Predict(x).shape);
        Assert.Equal([1L, 8], model.LayerOutputs(x.narrow(0, 0, 1), "activation")["activation"].shape);
    }

    private sealed class Recorder : Callback
    {
        public List<string> Events { get; } = [];
        public int StopAtBatch { get; init; } = -1;
        public Action<Sequential>? AtEpochEnd { get; init; }

        private static string Keys(IReadOnlyDictionary<string, double> logs) => string.Join(",", logs.Keys);
        public override void OnTrainBegin(IReadOnlyDictionary<string, double> logs) => Events.Add("train_begin");
        public override void OnTrainEnd(IReadOnlyDictionary<string, double> logs) => Events.Add($"train_end {Keys(logs)}");
        public override void OnEpochBegin(int epoch, IReadOnlyDictionary<string, double> logs) => Events.Add($"epoch_begin {epoch}");
        public override void OnTrainBatchBegin(int batch, IReadOnlyDictionary<string, double> logs) => Events.Add($"batch_begin {batch}");

        public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
        {
            Events.Add($"epoch_end {epoch} {Keys(logs)}");
            AtEpochEnd?.Invoke(Model);
        }

        public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
        {
            Events.Add($"batch_end {batch} {Keys(logs)}");
            if (batch == StopAtBatch) Model.StopTraining = true;
        }
    }
}
