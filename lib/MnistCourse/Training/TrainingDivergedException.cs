namespace MnistCourse.Training;

/// <summary>Raised when the loss becomes NaN or infinite: training stops there, naming the epoch and step.</summary>
public sealed class TrainingDivergedException(int epoch, int step, double loss, History partial)
    : Exception($"Training stopped: the loss became {loss} at epoch {epoch}, step {step}. " +
                "Lower the learning rate, check the inputs are scaled to [0, 1] and the labels one-hot.")
{
    public int Epoch { get; } = epoch;
    public int Step { get; } = step;
    /// <summary>The epochs that completed before it diverged.</summary>
    public History Partial { get; } = partial;
}
