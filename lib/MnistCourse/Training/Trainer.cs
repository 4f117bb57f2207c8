using System.Diagnostics;
using MnistCourse.Models;
using MnistCourse.Training.Optimizers;
using static TorchSharp.torch;

namespace MnistCourse.Training;

/// <summary>
/// Keras' training loop for a compiled <see cref="Sequential"/>: a new random order every epoch, the last
/// partial batch kept, epoch figures as sample-weighted means of the batches as they ran, validation in
/// evaluation mode after each epoch.
/// </summary>
/// <remarks>
/// Why it is fast: the whole data set stays one contiguous tensor and each batch is gathered with
/// <c>index_select</c>; every step's temporaries die in a dispose scope, so native memory stays flat.
/// </remarks>
internal sealed class Trainer(Sequential model, IWeightUpdate update)
{
    public History Fit(Tensor x, Tensor y, int batchSize, int epochs, int verbose, double validationSplit,
                       (Tensor x, Tensor y)? validationData, bool shuffle, Action<FitProgress>? progress)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
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
        var history = new History();
        var printer = new ProgressPrinter(verbose, progress);
        if (verbose > 0 && validationData is { } vd)
            Console.WriteLine($"Train on {count} samples, validate on {vd.x.shape[0]} samples");

        // Training mode for the whole fit (Evaluate switches to evaluation and back); the caller's mode comes back at the end.
        using var mode = ModeScope.Training(model);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            printer.EpochStart(epoch, epochs);
            var clock = Stopwatch.StartNew();
            double lossSum = 0;
            long correct = 0, seen = 0;
            using (var order = shuffle ? randperm(count) : arange(count))
            {
                for (int step = 1; step <= steps; step++)
                {
                    long stepStart = Stopwatch.GetTimestamp();
                    CellCancellation.ThrowIfRequested();
                    using var scope = NewDisposeScope();
                    long start = (step - 1L) * batchSize, size = Math.Min(batchSize, count - start);
                    var index = order.narrow(0, start, size);
                    var xb = xTrain.index_select(0, index);
                    var yb = yTrain.index_select(0, index);

                    var outputs = model.ForwardLogits(xb);
                    var loss = model.LossOf(outputs, yb);
                    model.zero_grad();
                    loss.backward();
                    update.Step();

                    double batchLoss = loss.item<float>();
                    if (!double.IsFinite(batchLoss))
                        throw new TrainingDivergedException(epoch, step, batchLoss, history);
                    lossSum += batchLoss * size;
                    correct += outputs.argmax(1).eq(yb.argmax(1)).sum().item<long>();
                    seen += size;
                    history.StepMilliseconds.Add(Stopwatch.GetElapsedTime(stepStart).TotalMilliseconds);
                    printer.Step(new FitProgress(epoch, epochs, step, steps, clock.Elapsed, lossSum / seen, (double)correct / seen));
                }
            }
            clock.Stop();

            history.Add("loss", lossSum / seen);
            history.Add("accuracy", (double)correct / seen);
            double? valLoss = null, valAccuracy = null;
            if (validationData is { } val)
            {
                (valLoss, valAccuracy) = model.Evaluate(val.x, val.y, verbose: 0);
                history.Add("val_loss", valLoss.Value);
                history.Add("val_accuracy", valAccuracy.Value);
            }
            history.EpochSeconds.Add(clock.Elapsed.TotalSeconds);
            history.EpochSteps.Add(steps);
            history.ResidentMegabytes.Add(ResidentMegabytes());
            printer.EpochEnd(new FitProgress(epoch, epochs, steps, steps, clock.Elapsed, lossSum / seen, (double)correct / seen, valLoss, valAccuracy));
        }
        return history;
    }

    internal static void CheckPair(Tensor x, Tensor y, string what)
    {
        if (x.shape[0] != y.shape[0])
            throw new ArgumentException($"{what}: {x.shape[0]} inputs but {y.shape[0]} labels; they must match.");
        if (x.shape[0] == 0) throw new ArgumentException($"{what} is empty.");
    }

    /// <summary>Resident set size from /proc (what the kernel counts), else the working set.</summary>
    internal static double ResidentMegabytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        catch (IOException) { }
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64 / (1024.0 * 1024);
    }
}
