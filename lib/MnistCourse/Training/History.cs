namespace MnistCourse.Training;

/// <summary>
/// What <c>Fit</c> returns, as Keras' <c>History</c>: per epoch, "loss" and "accuracy" (and "val_loss",
/// "val_accuracy" when validating), plus timings and resident memory.
/// </summary>
/// <example><code>var history = model.Fit(x, y, epochs: 5);  history["val_accuracy"][^1]</code></example>
public sealed class History
{
    private readonly Dictionary<string, List<double>> _values = [];

    /// <summary>The figures recorded under <paramref name="key"/>, one per epoch.</summary>
    public IReadOnlyList<double> this[string key] => _values.TryGetValue(key, out var list)
        ? list
        : throw new KeyNotFoundException($"history has no '{key}'; it has: {string.Join(", ", _values.Keys)}.");

    /// <summary>Keras' <c>history.history</c>: metric name → per-epoch values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Values =>
        _values.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value);

    public IEnumerable<string> Keys => _values.Keys;
    public int Epochs => _values.TryGetValue("loss", out var l) ? l.Count : 0;

    /// <summary>Seconds of training (forward, backward, update) per epoch, validation excluded.</summary>
    public List<double> EpochSeconds { get; } = [];
    /// <summary>Optimizer steps per epoch.</summary>
    public List<int> EpochSteps { get; } = [];
    /// <summary>Wall time of every optimizer step (batch gather, forward, loss, backward, update, metrics), ms, all epochs in order.</summary>
    public List<double> StepMilliseconds { get; } = [];
    /// <summary>Resident memory of the process after each epoch, MB.</summary>
    public List<double> ResidentMegabytes { get; } = [];

    /// <summary>Total training seconds.</summary>
    public double TrainSeconds => EpochSeconds.Sum();
    /// <summary>Mean milliseconds per optimizer step over all epochs.</summary>
    public double MillisecondsPerStep => EpochSteps.Sum() == 0 ? double.NaN : 1000 * TrainSeconds / EpochSteps.Sum();

    internal void Add(string key, double value)
    {
        if (!_values.TryGetValue(key, out var list)) _values[key] = list = [];
        list.Add(value);
    }

    public override string ToString() =>
        $"History({Epochs} epochs: " + string.Join(", ", _values.Select(kv => $"{kv.Key} {kv.Value[^1]:0.0000}")) + ")";
}
