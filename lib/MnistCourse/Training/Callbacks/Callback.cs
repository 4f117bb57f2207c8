using MnistCourse.Models;

namespace MnistCourse.Training.Callbacks;

/// <summary>
/// Keras' <c>Callback</c>: <c>Fit</c> calls these hooks as it trains; a subclass overrides the ones it needs. Epochs and
/// batches count from 0, as in Keras. <c>logs</c> holds the figures so far: "loss" and the compiled metrics (means over
/// the epoch's batches until now), and at an epoch's end also "val_loss", "val_accuracy" when validating.
/// <c>Fit</c> sets <c>Model</c> (the model being trained) and <c>Params</c> (what it was asked for); setting
/// <c>Model.StopTraining = true</c> ends training after the current batch.
/// </summary>
/// <example><code>
/// class ShowValidationLoss : Callback
/// {
///     public override void OnEpochEnd(int epoch, IReadOnlyDictionary&lt;string, double&gt; logs) =>
///         Console.WriteLine($"after epoch {epoch + 1}: val_loss {logs["val_loss"]:0.0000}");
/// }
/// model.Fit(x, y, epochs: 5, validationSplit: 0.2, callbacks: [new ShowValidationLoss()]);
/// </code></example>
public abstract class Callback
{
    public Sequential Model { get; internal set; } = null!;
    public FitParams Params { get; internal set; } = null!;

    public virtual void OnTrainBegin(IReadOnlyDictionary<string, double> logs) { }
    public virtual void OnTrainEnd(IReadOnlyDictionary<string, double> logs) { }
    public virtual void OnEpochBegin(int epoch, IReadOnlyDictionary<string, double> logs) { }
    public virtual void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) { }
    public virtual void OnTrainBatchBegin(int batch, IReadOnlyDictionary<string, double> logs) { }
    public virtual void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs) { }
}

/// <summary>Keras' <c>callback.params</c>: the number of epochs, the optimizer steps per epoch and the verbosity.</summary>
public sealed record FitParams(int Epochs, int Steps, int Verbose);
