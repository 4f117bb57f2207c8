using System.Diagnostics;

namespace MnistCourse.Training.Callbacks;

/// <summary>
/// How long training took and how much memory it held: per epoch the seconds of training (validation excluded) and
/// the steps, every optimizer step's wall time, and the process's resident memory after each epoch. Not Keras' (its
/// <c>History</c> records only logs): the course reports these beside the accuracy. <c>Fit</c> always has one; its
/// <see cref="History"/> points to it as <see cref="History.Timing"/>.
/// </summary>
/// <example><code>var history = model.Fit(x, y, epochs: 1);
/// Console.WriteLine($"{history.Timing.MillisecondsPerStep:0.0} ms/step");</code></example>
public sealed class TrainingTimer : Callback
{
    private readonly Stopwatch _epochClock = new();
    private long _stepStart;
    private int _steps;
    private TimeSpan _trained;

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
        EpochSeconds.Add(_trained.TotalSeconds);
        EpochSteps.Add(_steps);
        ResidentMegabytes.Add(Environment.WorkingSet / (1024.0 * 1024)); // on Linux the kernel's VmRSS
    }
}
