using MnistCourse.Models;

namespace MnistCourse.Training.Callbacks;

/// <summary>
/// Keras' <c>CallbackList</c>: the callbacks of one <c>Fit</c>, told the model and the parameters once, and each hook
/// passed to all of them in order. <c>Fit</c> always has a <see cref="History"/> (the record it returns) and a
/// <see cref="TrainingTimer"/>, stops on NaN (<see cref="TerminateOnNaN"/>) and shows a progress bar when verbose,
/// unless it was given its own of each.
/// </summary>
internal sealed class CallbackList
{
    private readonly List<Callback> _callbacks = [];

    public CallbackList(IEnumerable<Callback>? given, Sequential model, FitParams parameters)
    {
        if (given?.OfType<History>().Any() != true) _callbacks.Add(new History());
        if (given?.OfType<TrainingTimer>().Any() != true) _callbacks.Add(new TrainingTimer());
        _callbacks.AddRange(given ?? []);
        if (!_callbacks.OfType<TerminateOnNaN>().Any()) _callbacks.Add(new TerminateOnNaN(raiseError: true));
        if (parameters.Verbose > 0 && !_callbacks.OfType<ProgbarLogger>().Any()) _callbacks.Add(new ProgbarLogger());
        foreach (var callback in _callbacks) (callback.Model, callback.Params) = (model, parameters);
        History = _callbacks.OfType<History>().First();
        History.Timing = _callbacks.OfType<TrainingTimer>().First();
    }

    /// <summary>The history <c>Fit</c> returns.</summary>
    public History History { get; }

    public void OnTrainBegin(IReadOnlyDictionary<string, double> logs) { foreach (var c in _callbacks) c.OnTrainBegin(logs); }
    public void OnTrainEnd(IReadOnlyDictionary<string, double> logs) { foreach (var c in _callbacks) c.OnTrainEnd(logs); }
    public void OnEpochBegin(int epoch, IReadOnlyDictionary<string, double> logs) { foreach (var c in _callbacks) c.OnEpochBegin(epoch, logs); }
    public void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs) { foreach (var c in _callbacks) c.OnEpochEnd(epoch, logs); }
    public void OnTrainBatchBegin(int batch, IReadOnlyDictionary<string, double> logs) { foreach (var c in _callbacks) c.OnTrainBatchBegin(batch, logs); }
    public void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs) { foreach (var c in _callbacks) c.OnTrainBatchEnd(batch, logs); }
}
