namespace MnistCourse.Notebooks.Engine;

/// <summary>
/// A failed cell in nbformat's terms: the error name (exception type or "CompilationError"), its message, and a
/// traceback whose lines name the cell and the line within the cell.
/// </summary>
public sealed record ExecutionError(string EName, string EValue, IReadOnlyList<string> Traceback)
{
    public override string ToString() => $"{EName}: {EValue}";
}
