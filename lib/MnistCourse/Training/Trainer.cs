using MnistCourse.Models;
using MnistCourse.Training.Callbacks;
using static TorchSharp.torch;

namespace MnistCourse.Training;

/// <summary>
/// Keras' training loop for a compiled <see cref="Sequential"/>: a new random order every epoch, the last partial
/// batch kept, epoch figures as sample-weighted means of the batches as they ran, validation in evaluation mode after
/// each epoch, a host's stop request honoured before every batch (see <see cref="CellCancellation"/>). Everything else —
/// the history, timings, the progress bar, stopping on NaN — is a callback (<see cref="CallbackList"/>).
/// </summary>
/// <remarks>
/// Why it is fast: the whole data set stays one contiguous tensor and each batch is gathered with
/// <c>index_select</c>; every step's temporaries die in a dispose scope, so native memory stays flat.
/// </remarks>
internal sealed class Trainer(Sequential model, optim.Optimizer optimizer, IReadOnlyList<string> metrics)
{
    private static readonly IReadOnlyDictionary<string, double> NoLogs = new Dictionary<string, double>();

    public History Fit(Tensor x, Tensor y, int batchSize, int epochs, int verbose, IEnumerable<Callback>? callbacks,
                       double validationSplit, (Tensor x, Tensor y)? validationData, bool shuffle)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (verbose is < 0 or > 2) throw new ArgumentOutOfRangeException(nameof(verbose), "verbose must be 0 (silent), 1 (progress bar) or 2 (one line per epoch).");
        if (validationSplit is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(validationSplit), "validationSplit must be in [0, 1).");
        CheckPair(x, y, "training data");

        // Keras holds out the LAST fraction, taken before any shuffling.
        long n = x.shape[0];
        var (xTrain, yTrain) = (x, y);
        if (validationSplit > 0)
        {
            long splitAt = (long)(n * (1 - validationSplit));
            validationData = (x.narrow(0, splitAt, n - splitAt), y.narrow(0, splitAt, n - splitAt));
            (xTrain, yTrain) = (x.narrow(0, 0, splitAt), y.narrow(0, 0, splitAt));
        }
        if (validationData is { } v) CheckPair(v.x, v.y, "validation data");

        long count = xTrain.shape[0];
        int steps = (int)((count + batchSize - 1) / batchSize);
        var callbackList = new CallbackList(callbacks, model, new FitParams(epochs, steps, verbose));
        if (verbose > 0 && validationData is { } vd)
            Console.WriteLine($"Train on {count} samples, validate on {vd.x.shape[0]} samples");

        // Training mode for the whole fit (Evaluate switches to evaluation and back); the caller's mode comes back at the end.
        using var mode = new ModeScope(model, training: true);
        model.StopTraining = false;
        var logs = NoLogs;
        callbackList.OnTrainBegin(NoLogs);
        for (int epoch = 0; epoch < epochs && !model.StopTraining; epoch++)
        {
            callbackList.OnEpochBegin(epoch, NoLogs);
            double lossSum = 0;
            long correct = 0, seen = 0;
            using var order = shuffle ? randperm(count) : arange(count);
            for (int step = 0; step < steps && !model.StopTraining; step++)
            {
                CellCancellation.ThrowIfRequested();
                callbackList.OnTrainBatchBegin(step, NoLogs);
                using var scope = NewDisposeScope();
                long start = (long)step * batchSize, size = Math.Min(batchSize, count - start);
                var index = order.narrow(0, start, size);
                var xb = xTrain.index_select(0, index);
                var yb = yTrain.index_select(0, index);

                var outputs = model.ForwardLogits(xb);
                var loss = model.LossOf(outputs, yb);
                model.zero_grad();
                loss.backward();
                optimizer.step();

                lossSum += (double)loss.item<float>() * size;   // in double, as float × long would round
                if (metrics.Count > 0) correct += Metrics.CountCorrect(outputs, yb);
                seen += size;
                logs = Logs(lossSum / seen, (double)correct / seen);
                callbackList.OnTrainBatchEnd(step, logs);
            }
            if (validationData is { } val)
            {
                var (valLoss, valAccuracy) = model.Evaluate(val.x, val.y, verbose: 0);
                logs = logs.Concat(Logs(valLoss, valAccuracy, prefix: "val_")).ToDictionary();
            }
            callbackList.OnEpochEnd(epoch, logs);
        }
        callbackList.OnTrainEnd(logs);
        return callbackList.History;
    }

    /// <summary>Keras' logs: the loss, then each compiled metric (all of them accuracy), under their names.</summary>
    private Dictionary<string, double> Logs(double loss, double accuracy, string prefix = "") =>
        new[] { KeyValuePair.Create(prefix + "loss", loss) }.Concat(metrics.Select(m => KeyValuePair.Create(prefix + m, accuracy))).ToDictionary();

    internal static void CheckPair(Tensor x, Tensor y, string what)
    {
        if (x.shape[0] != y.shape[0])
            throw new ArgumentException($"{what}: {x.shape[0]} inputs but {y.shape[0]} labels; they must match.");
        if (x.shape[0] == 0) throw new ArgumentException($"{what} is empty.");
    }
}
