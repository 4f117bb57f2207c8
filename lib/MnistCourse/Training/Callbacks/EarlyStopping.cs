using static TorchSharp.torch;

namespace MnistCourse.Training.Callbacks;

/// <summary>
/// Keras' <c>EarlyStopping</c>: stops training once <c>monitor</c> (default "val_loss") has not improved by more than
/// <c>minDelta</c> for <c>patience</c> epochs; with <c>restoreBestWeights</c> the model ends with the weights of its
/// best epoch instead of its last. <c>baseline</c>: a value to beat; <c>startFromEpoch</c>: epochs of warm-up not watched.
/// </summary>
/// <example><code>
/// var stop = new EarlyStopping(monitor: "val_loss", patience: 2, restoreBestWeights: true);
/// model.Fit(x, y, epochs: 30, validationSplit: 0.2, callbacks: [stop]);   // stop.BestEpoch: the epoch restored
/// </code></example>
public sealed class EarlyStopping(string monitor = "val_loss", double minDelta = 0, int patience = 0, int verbose = 0, string mode = "auto",
                                  double? baseline = null, bool restoreBestWeights = false, int startFromEpoch = 0)
    : MonitorCallback(monitor, mode, minDelta)
{
    private int _wait;
    private Tensor[]? _bestWeights;

    /// <summary>The epoch (from 0) after which training was stopped; 0 when it ran to the end.</summary>
    public int StoppedEpoch { get; private set; }

    /// <summary>The epoch (from 0) of the best monitored value.</summary>
    public int BestEpoch { get; private set; }

    public override void OnTrainBegin(IReadOnlyDictionary<string, double> logs)
    {
        (_wait, StoppedEpoch, BestEpoch, Best) = (0, 0, 0, null);
        KeepWeights(null);
    }

    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        if (Current(logs) is not { } current || epoch < startFromEpoch) return;
        if (restoreBestWeights && _bestWeights is null)
        {
            KeepWeights(Model.parameters());
            BestEpoch = epoch;
        }
        _wait++;
        if (IsImprovement(current, Best))
        {
            (Best, BestEpoch) = (current, epoch);
            if (restoreBestWeights) KeepWeights(Model.parameters());
            // Only restart the wait once the baseline is beaten.
            if (baseline is null || IsImprovement(current, baseline)) _wait = 0;
            return;
        }
        if (_wait >= patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            Model.StopTraining = true;
        }
    }

    public override void OnTrainEnd(IReadOnlyDictionary<string, double> logs)
    {
        if (StoppedEpoch > 0 && verbose > 0) Console.WriteLine($"Epoch {StoppedEpoch + 1}: early stopping");
        if (!restoreBestWeights || _bestWeights is null) return;
        if (verbose > 0) Console.WriteLine($"Restoring model weights from the end of the best epoch: {BestEpoch + 1}.");
        using var noGrad = no_grad();
        foreach (var (weight, best) in Model.parameters().Zip(_bestWeights)) weight.copy_(best);
        KeepWeights(null);
    }

    /// <summary>Keeps a copy of <paramref name="weights"/> (Keras' get_weights), releasing the previous one.</summary>
    private void KeepWeights(IEnumerable<Tensor>? weights)
    {
        foreach (var w in _bestWeights ?? []) w.Dispose();
        _bestWeights = weights?.Select(w => w.detach().clone().DetachFromDisposeScope()).ToArray();
    }
}
