namespace MnistCourse.Notebooks.Engine;

/// <summary>How a cell ended: <see cref="Error"/> is null when it succeeded. The outputs went to the observer while it ran.</summary>
public sealed record CellOutcome(ExecutionError? Error)
{
    public static readonly CellOutcome Success = new((ExecutionError?)null);

    public bool Succeeded => Error is null;
}
