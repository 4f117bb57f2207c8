using System.Diagnostics;

namespace MnistCourse.Training.Callbacks;

/// <summary>
/// Keras' progress display, which <c>Fit</c> adds when verbose is not 0: verbose 1 redraws one bar per epoch (carriage
/// return, at most once a second), verbose 2 prints one line per epoch.
/// </summary>
public sealed class ProgbarLogger : Callback
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _clock = new();
    private TimeSpan _trained;
    private TimeSpan? _lastDrawn;

    public override void OnEpochBegin(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        _clock.Restart();
        _lastDrawn = null;
        if (Params.Verbose > 0) Console.WriteLine($"Epoch {epoch + 1}/{Params.Epochs}");
    }

    public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
    {
        _trained = _clock.Elapsed; // the epoch's time excludes validation
        if (Params.Verbose != 1 || batch + 1 == Params.Steps) return; // the epoch's end draws the last bar, with validation figures
        if (_lastDrawn is { } last && _trained - last < Interval) return;
        _lastDrawn = _trained;
        Console.Write("\r" + Line(batch + 1, Params.Steps, _trained, logs));
    }

    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        if (Params.Verbose > 0) Console.WriteLine((Params.Verbose == 1 ? "\r" : "") + Line(Params.Steps, Params.Steps, _trained, logs));
    }

    /// <summary>Keras' progress line: <c>938/938 [==============================] - 12s 13ms/step - loss: 0.1721 - accuracy: 0.9466</c>.</summary>
    internal static string Line(int step, int steps, TimeSpan elapsed, IReadOnlyDictionary<string, double> logs)
    {
        const int width = 30;
        bool done = step == steps;
        int filled = steps == 0 ? width : (int)((long)width * step / steps);
        int arrow = done ? 0 : 1, equals = Math.Max(0, filled - arrow);
        var bar = new string('=', equals) + (done ? "" : ">") + new string('.', width - equals - arrow);
        string timing = done
            ? $"{elapsed.TotalSeconds:0}s {elapsed.TotalMilliseconds / Math.Max(1, steps):0}ms/step"
            : $"ETA: {(step == 0 ? 0 : elapsed.TotalSeconds * (steps - step) / step):0}s";
        return $"{step}/{steps} [{bar}] - {timing}" + string.Concat(logs.Select(kv => $" - {kv.Key}: {kv.Value:0.0000}"));
    }
}
