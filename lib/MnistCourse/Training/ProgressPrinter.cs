namespace MnistCourse.Training;

/// <summary>
/// Keras' console progress: verbose 1 redraws one bar per epoch (carriage return, at most once a second),
/// verbose 2 prints one line per epoch, 0 nothing. A callback, if given, sees every update.
/// </summary>
internal sealed class ProgressPrinter(int verbose, Action<FitProgress>? callback)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private TimeSpan? _lastDrawn;

    public void EpochStart(int epoch, int epochs)
    {
        _lastDrawn = null;
        if (verbose > 0) Console.WriteLine($"Epoch {epoch}/{epochs}");
    }

    public void Step(FitProgress p)
    {
        if (p.EpochDone) return; // EpochEnd draws the final line, with validation figures
        if (_lastDrawn is { } last && p.Elapsed - last < Interval) return;
        _lastDrawn = p.Elapsed;
        callback?.Invoke(p);
        if (verbose == 1) Console.Write("\r" + p);
    }

    public void EpochEnd(FitProgress p)
    {
        callback?.Invoke(p);
        if (verbose == 1) Console.WriteLine("\r" + p);
        else if (verbose == 2) Console.WriteLine(p);
    }
}
