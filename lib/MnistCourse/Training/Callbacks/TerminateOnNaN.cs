namespace MnistCourse.Training.Callbacks;

/// <summary>
/// Keras' <c>TerminateOnNaN</c>: when the loss becomes NaN or infinite, training stops after that batch, or with
/// <paramref name="raiseError"/> a <see cref="TrainingDivergedException"/> names the epoch, the step and the likely fix.
/// Unlike Keras, <c>Fit</c> adds one with <c>raiseError: true</c> unless given its own, so a diverged run never ends quietly.
/// </summary>
public sealed class TerminateOnNaN(bool raiseError = false) : Callback
{
    private int _epoch;

    public override void OnEpochBegin(int epoch, IReadOnlyDictionary<string, double> logs) => _epoch = epoch;

    public override void OnTrainBatchEnd(int batch, IReadOnlyDictionary<string, double> logs)
    {
        if (!logs.TryGetValue("loss", out var loss) || double.IsFinite(loss)) return;
        if (raiseError) throw new TrainingDivergedException(_epoch + 1, batch + 1, loss);
        Console.WriteLine($"Batch {batch}: Invalid loss, terminating training");
        Model.StopTraining = true;
    }
}
