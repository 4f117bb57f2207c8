using MnistCourse.Training;
using MnistCourse.Training.Optimizers;
using static TorchSharp.torch;

namespace MnistCourse.Models;

// Keras' compile / fit / evaluate / predict.
public sealed partial class Sequential
{
    private (Optimizer optimizer, IWeightUpdate update, string loss)? _compiled;

    /// <summary>The optimizer given to <see cref="Compile(Optimizer, string, IReadOnlyList{string}?)"/>.</summary>
    public Optimizer? Optimizer => _compiled?.optimizer;

    /// <summary>Chooses the optimizer (by name with Keras' defaults, e.g. "rmsprop", "adam"), the loss and the metrics.</summary>
    /// <example><code>model.Compile(optimizer: "rmsprop", loss: "categorical_crossentropy", metrics: ["accuracy"]);</code></example>
    public void Compile(string optimizer, string loss, IReadOnlyList<string>? metrics = null) =>
        Compile(Training.Optimizers.Optimizer.FromName(optimizer), loss, metrics);

    /// <summary>Compiles with an optimizer object for custom settings, e.g. <c>new Adam(learningRate: 5e-4)</c>.</summary>
    public void Compile(Optimizer optimizer, string loss, IReadOnlyList<string>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Losses.Validate(loss);
        foreach (var metric in metrics ?? [])
            if (metric is not ("accuracy" or "acc"))
                throw new ArgumentException($"unknown metric '{metric}'; the course implements \"accuracy\".", nameof(metrics));
        var weights = parameters().ToList();
        _compiled = (optimizer, optimizer.Bind(weights), loss);
    }

    /// <summary>
    /// Trains for <paramref name="epochs"/> passes over the data, Keras-style. <paramref name="validationSplit"/> holds
    /// out the last fraction of <paramref name="x"/> before shuffling; <paramref name="validationData"/> validates on a given set.
    /// </summary>
    /// <param name="x">Inputs, (N, 28, 28, 1) float32.</param>
    /// <param name="y">One-hot labels, (N, 10).</param>
    /// <param name="verbose">1: live progress bar per epoch; 2: one line per epoch; 0: silent.</param>
    /// <param name="progress">Called with each progress update (about once a second, and at each epoch's end), e.g. to update a display.</param>
    /// <example><code>var history = model.Fit(xTrain, yTrain, epochs: 5, batchSize: 64);</code></example>
    public History Fit(Tensor x, Tensor y, int batchSize = 32, int epochs = 1, int verbose = 1, double validationSplit = 0,
                       (Tensor x, Tensor y)? validationData = null, bool shuffle = true, Action<FitProgress>? progress = null)
    {
        var compiled = _compiled ?? throw new InvalidOperationException("compile the model before fitting it: model.Compile(optimizer: \"rmsprop\", loss: \"categorical_crossentropy\", metrics: [\"accuracy\"]).");
        CheckInput(x);
        return new Trainer(this, compiled.update).Fit(x, y, batchSize, epochs, verbose, validationSplit, validationData, shuffle, progress);
    }

    /// <summary>Loss and accuracy on (<paramref name="x"/>, <paramref name="y"/>), in evaluation mode (no dropout).</summary>
    /// <example><code>var (testLoss, testAcc) = model.Evaluate(xTest, yTest);</code></example>
    public (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y, int batchSize = 32, int verbose = 1)
    {
        CheckInput(x);
        Trainer.CheckPair(x, y, "evaluation data");
        using var mode = ModeScope.Evaluation(this);
        double lossSum = 0;
        long correct = 0, n = x.shape[0];
        using (no_grad())
        {
            for (long start = 0; start < n; start += batchSize)
            {
                CellCancellation.ThrowIfRequested();
                using var scope = NewDisposeScope();
                long size = Math.Min(batchSize, n - start);
                var yb = y.narrow(0, start, size);
                var outputs = ForwardLogits(x.narrow(0, start, size));
                lossSum += LossOf(outputs, yb).item<float>() * size;
                correct += outputs.argmax(1).eq(yb.argmax(1)).sum().item<long>();
            }
        }
        var result = (lossSum / n, (double)correct / n);
        if (verbose > 0) Console.WriteLine($"{n}/{n} - loss: {result.Item1:0.0000} - accuracy: {result.Item2:0.0000}");
        return result;
    }

    /// <summary>The model's outputs (class probabilities) for <paramref name="x"/>, in evaluation mode.</summary>
    public Tensor Predict(Tensor x, int batchSize = 32)
    {
        CheckInput(x);
        var batches = new List<Tensor>();
        using (ModeScope.Evaluation(this))
        using (no_grad())
        {
            for (long start = 0; start < x.shape[0]; start += batchSize)
                batches.Add(forward(x.narrow(0, start, Math.Min(batchSize, x.shape[0] - start))));
        }
        var all = cat(batches, 0);
        foreach (var b in batches) b.Dispose();
        return all;
    }

    /// <summary>The compiled loss of <paramref name="outputs"/> (logits when the model ends with softmax) against one-hot <paramref name="y"/>.</summary>
    internal Tensor LossOf(Tensor outputs, Tensor y)
    {
        Losses.CheckLabels(outputs, y, "labels");
        return EndsWithSoftmax ? Losses.FromLogits(outputs, y) : Losses.FromProbabilities(outputs, y);
    }
}
