namespace MnistCourse.Training;

/// <summary>A snapshot of training, handed to a progress callback and printed Keras-style.</summary>
public sealed record FitProgress(int Epoch, int Epochs, int Step, int Steps, TimeSpan Elapsed, double Loss, double Accuracy,
                                 double? ValLoss = null, double? ValAccuracy = null)
{
    public bool EpochDone => Step == Steps;

    /// <summary>Keras' progress line: <c>938/938 [==============================] - 12s 13ms/step - loss: 0.1721 - accuracy: 0.9466</c>.</summary>
    public override string ToString()
    {
        const int width = 30;
        int filled = Steps == 0 ? width : (int)((long)width * Step / Steps);
        int arrow = EpochDone ? 0 : 1, equals = Math.Max(0, filled - arrow);
        var bar = new string('=', equals) + (EpochDone ? "" : ">") + new string('.', width - equals - arrow);
        string timing = EpochDone
            ? $"{Elapsed.TotalSeconds:0}s {Elapsed.TotalMilliseconds / Math.Max(1, Steps):0}ms/step"
            : $"ETA: {(Step == 0 ? 0 : Elapsed.TotalSeconds * (Steps - Step) / Step):0}s";
        var line = $"{Step}/{Steps} [{bar}] - {timing} - loss: {Loss:0.0000} - accuracy: {Accuracy:0.0000}";
        if (ValLoss is { } vl) line += $" - val_loss: {vl:0.0000}";
        if (ValAccuracy is { } va) line += $" - val_accuracy: {va:0.0000}";
        return line;
    }
}
