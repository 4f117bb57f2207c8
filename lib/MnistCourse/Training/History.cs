using System.Diagnostics;
using MnistCourse.Training.Callbacks;

namespace MnistCourse.Training;

/// <summary>
/// Keras' <c>History</c>, the callback whose record <c>Fit</c> returns: per epoch, "loss" and the compiled metrics
/// (and "val_loss", "val_accuracy" when validating), plus timings and resident memory.
/// </summary>
/// <example><code>var history = model.Fit(x, y, epochs: 5, validationSplit: 0.2);  history["val_accuracy"][^1]</code></example>
public sealed class History : Callback
{
    private readonly Dictionary<string, List<double>> _values = [];
    private readonly Stopwatch _epochClock = new();
    private long _stepStart;
    private int _steps;
    private TimeSpan _trained;

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
    public List<int> EpochSteps { get; } = [];
    /// <summary>Wall time of every optimizer step (batch gather, forward, loss, backward, update, metrics), ms, all epochs in order.</summary>
    public List<double> StepMilliseconds { get; } = [];
    /// <summary>Resident memory of the process after each epoch, MB.</summary>
    public List<double> ResidentMegabytes { get; } = [];

    public double TrainSeconds => EpochSeconds.Sum();
    public double MillisecondsPerStep => EpochSteps.Sum() == 0 ? double.NaN : 1000 * TrainSeconds / EpochSteps.Sum();

    public override void OnEpochBegin(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        _epochClock.Restart();
        _steps = 0;
    }

    public override void OnTrainBatchBegin(int batch, IReadOnlyDictionary<string, double> logs) => _stepStart = Stopwatch.GetTimestamp();

    public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
    {
        StepMilliseconds.Add(Stopwatch.GetElapsedTime(_stepStart).TotalMilliseconds);
        _steps++;
        _trained = _epochClock.Elapsed;
    }

    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        foreach (var (key, value) in logs)
        {
            if (!_values.TryGetValue(key, out var list)) _values[key] = list = [];
            list.Add(value);
        }
        EpochSeconds.Add(_trained.TotalSeconds);
        EpochSteps.Add(_steps);
        ResidentMegabytes.Add(Environment.WorkingSet / (1024.0 * 1024)); // on Linux the kernel's VmRSS
    }

    public override string ToString() =>
        $"History({Epochs} epochs: " + string.Join(", ", _values.Select(kv => $"{kv.Key} {kv.Value[^1]:0.0000}")) + ")";
}
