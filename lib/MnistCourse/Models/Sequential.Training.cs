using MnistCourse.Training;
using MnistCourse.Training.Callbacks;
using MnistCourse.Training.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Models;

// Keras' compile / fit / evaluate / predict.
public sealed partial class Sequential
{
    private (optim.Optimizer optimizer, IReadOnlyList<string> metrics)? _compiled;

    /// <summary>
    /// The TorchSharp optimizer <c>Compile</c> bound to the weights (Keras' <c>model.optimizer</c>); a TorchSharp
    /// learning-rate scheduler can drive it, e.g. <c>optim.lr_scheduler.StepLR(model.Optimizer, 1, 0.5)</c>.
    /// </summary>
    public optim.Optimizer? Optimizer => _compiled?.optimizer;

    /// <summary>Keras' <c>model.stop_training</c>: a callback sets it to end <c>Fit</c> after the current batch.</summary>
    public bool StopTraining { get; set; }

    /// <summary>
    /// Chooses the optimizer (by name with Keras' defaults, e.g. "rmsprop", "adam"), the loss and the metrics: what History
    /// and the progress bar show besides the loss, "accuracy" (or "acc"), or none.
    /// </summary>
    public void Compile(string optimizer, string loss, IReadOnlyList<string>? metrics = null) =>
        Compile(Training.Optimizers.Optimizer.FromName(optimizer), loss, metrics);

    /// <summary>Compiles with an optimizer object for custom settings, e.g. <c>new Adam(learningRate: 5e-4)</c>.</summary>
    public void Compile(Training.Optimizers.Optimizer optimizer, string loss, IReadOnlyList<string>? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Losses.Validate(loss);
        _compiled = (optimizer.Bind(parameters().ToList()), Metrics.Validate(metrics));
    }

    /// <summary>
    /// Trains for <c>epochs</c> passes over inputs <c>x</c> (N, 28, 28, 1) float32 and one-hot labels <c>y</c> (N, 10),
    /// Keras-style. <c>validationSplit</c> holds out the last fraction of x before shuffling; <c>validationData</c> validates
    /// on a given set. <c>verbose</c>: 1 a live progress bar per epoch, 2 one line per epoch, 0 silent.
    /// </summary>
    /// <example><code>model.Fit(x, y, epochs: 30, validationSplit: 0.2, callbacks: [new EarlyStopping(patience: 2, restoreBestWeights: true)]);</code></example>
    public History Fit(Tensor x, Tensor y, int batchSize = 32, int epochs = 1, int verbose = 1, IEnumerable<Callback>? callbacks = null,
                       double validationSplit = 0, (Tensor x, Tensor y)? validationData = null, bool shuffle = true)
    {
        var (optimizer, metrics) = _compiled ?? throw new InvalidOperationException("compile the model before fitting it: model.Compile(optimizer: \"rmsprop\", loss: \"categorical_crossentropy\", metrics: [\"accuracy\"]).");
        CheckInput(x);
        return new Trainer(this, optimizer, metrics).Fit(x, y, batchSize, epochs, verbose, callbacks, validationSplit, validationData, shuffle);
    }

    /// <summary>Loss and accuracy on (x, y), in evaluation mode (no dropout): <c>var (testLoss, testAcc) = model.Evaluate(xTest, yTest);</c></summary>
    public (double Loss, double Accuracy) Evaluate(Tensor x, Tensor y, int batchSize = 32, int verbose = 1)
    {
        CheckInput(x);
        Trainer.CheckPair(x, y, "evaluation data");
        using var mode = new ModeScope(this, training: false);
        using var noGrad = no_grad();
        double lossSum = 0;
        long correct = 0, n = x.shape[0];
        for (long start = 0; start < n; start += batchSize)
        {
            CellCancellation.ThrowIfRequested();
            using var scope = NewDisposeScope();
            long size = Math.Min(batchSize, n - start);
            var yb = y.narrow(0, start, size);
            var outputs = ForwardLogits(x.narrow(0, start, size));
            lossSum += LossOf(outputs, yb).item<float>() * size;
            correct += Metrics.CountCorrect(outputs, yb);
        }
        var result = (lossSum / n, (double)correct / n);
        if (verbose > 0) Console.WriteLine($"{n}/{n} - loss: {result.Item1:0.0000} - accuracy: {result.Item2:0.0000}");
        return result;
    }

    /// <summary>The model's outputs (class probabilities) for x, in evaluation mode.</summary>
    public Tensor Predict(Tensor x, int batchSize = 32)
    {
        CheckInput(x);
        using var mode = new ModeScope(this, training: false);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var batches = new List<Tensor>();
        for (long start = 0; start < x.shape[0]; start += batchSize)
            batches.Add(forward(x.narrow(0, start, Math.Min(batchSize, x.shape[0] - start))));
        return scope.MoveToOuter(cat(batches, 0));
    }

    // The softmax-as-last-layer rule, in one place: when the last layer ends with a softmax, the loss is computed from
    // the logits before it (log_softmax, stable), as tf.keras does; otherwise from the probabilities, clipped as Keras clips them.
    public bool EndsWithSoftmax => _layers.Count > 0 && _layers[^1].Activation == "softmax";

    /// <summary>Like <see cref="forward"/> but stops before a final softmax: the logits the loss is computed from.</summary>
    public Tensor ForwardLogits(Tensor input) => Run(input, lastActivation: !EndsWithSoftmax);

    internal Tensor LossOf(Tensor outputs, Tensor y)
    {
        Losses.CheckLabels(outputs, y, "labels");
        return EndsWithSoftmax ? Losses.FromLogits(outputs, y) : Losses.FromProbabilities(outputs, y);
    }
}
