using MnistCourse.Training.Callbacks;

namespace MnistCourse.Training;

/// <summary>
/// Keras' <c>History</c>, the callback whose record <c>Fit</c> returns: per epoch, "loss" and the compiled metrics
/// (and "val_loss", "val_accuracy" when validating). How long it took is <see cref="Timing"/>'s business.
/// </summary>
/// <example><code>var history = model.Fit(x, y, epochs: 5, validationSplit: 0.2);  history["val_accuracy"][^1]</code></example>
public sealed class History : Callback
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

    /// <summary>The timings and memory of the same <c>Fit</c> (its <see cref="TrainingTimer"/>).</summary>
    public TrainingTimer Timing { get; internal set; } = new();

    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        foreach (var (key, value) in logs)
        {
            if (!_values.TryGetValue(key, out var list)) _values[key] = list = [];
            list.Add(value);
        }
    }

    public override string ToString() =>
        $"History({Epochs} epochs: " + string.Join(", ", _values.Select(kv => $"{kv.Key} {kv.Value[^1]:0.0000}")) + ")";
}
