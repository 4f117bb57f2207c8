namespace MnistCourse.Training;

/// <summary>Raised when the loss becomes NaN or infinite: training stops there, naming the epoch and step (from 1).</summary>
public sealed class TrainingDivergedException(int epoch, int step, double loss)
    : Exception($"Training stopped: the loss became {loss} at epoch {epoch}, step {step}. " +
                "Lower the learning rate, check the inputs are scaled to [0, 1] and the labels one-hot.")
{
    public int Epoch { get; } = epoch;
    public int Step { get; } = step;
}
