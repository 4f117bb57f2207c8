namespace MnistCourse.Notebooks.Engine;

/// <summary>How a cell ended. The outputs themselves went to the observer while it ran.</summary>
public sealed record CellOutcome(bool Succeeded, ExecutionError? Error, TimeSpan Elapsed)
{
    public static CellOutcome Success(TimeSpan elapsed) => new(true, null, elapsed);

    public static CellOutcome Failure(ExecutionError error, TimeSpan elapsed) => new(false, error, elapsed);
}
