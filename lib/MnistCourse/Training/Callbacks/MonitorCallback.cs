namespace MnistCourse.Training.Callbacks;

/// <summary>
/// Keras' <c>MonitorCallback</c>, the base of <see cref="EarlyStopping"/> and <see cref="ModelCheckpoint"/>: watches one
/// figure of the epoch logs and tells whether a value improves on a reference by more than <c>minDelta</c>.
/// <c>mode</c>: "min", "max", or "auto": lower is better for a loss, higher for an accuracy.
/// </summary>
public abstract class MonitorCallback : Callback
{
    private readonly bool _lowerIsBetter;
    private readonly double _minDelta;

    protected MonitorCallback(string monitor, string mode, double minDelta, double? initialBest = null)
    {
        (Monitor, _minDelta, Best) = (monitor, Math.Abs(minDelta), initialBest);
        var metric = monitor.StartsWith("val_", StringComparison.Ordinal) ? monitor[4..] : monitor;
        _lowerIsBetter = mode switch
        {
            "min" => true,
            "max" => false,
            "auto" when metric == "loss" => true,
            "auto" when Metrics.Names.Contains(metric) => false,
            "auto" => throw new ArgumentException($"{GetType().Name} cannot tell whether '{monitor}' should go down or up: pass mode: \"min\" or \"max\".", nameof(mode)),
            _ => throw new ArgumentException($"mode must be \"auto\", \"min\" or \"max\", got \"{mode}\".", nameof(mode)),
        };
    }

    /// <summary>The figure watched, a key of the epoch logs such as "val_loss" or "val_accuracy".</summary>
    public string Monitor { get; }

    /// <summary>The best value so far, null before the first.</summary>
    public double? Best { get; protected set; }

    /// <summary>Whether <paramref name="value"/> beats <paramref name="reference"/> by more than minDelta (always, with no reference).</summary>
    protected bool IsImprovement(double value, double? reference) =>
        reference is not { } r || (_lowerIsBetter ? value + _minDelta < r : value - _minDelta > r);

    /// <summary>The monitored value in <paramref name="logs"/>, or null with a warning, as Keras warns, when it is missing.</summary>
    protected double? Current(IReadOnlyDictionary<string, double> logs)
    {
        if (logs.TryGetValue(Monitor, out var value)) return value;
        Console.Error.WriteLine($"warning: {GetType().Name} monitors '{Monitor}', which is not available; available: {string.Join(", ", logs.Keys)}. " +
                                "Validation figures need validationSplit or validationData.");
        return null;
    }
}
