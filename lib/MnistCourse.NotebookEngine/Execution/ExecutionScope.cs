namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// Which session and observer the code running on this logical flow belongs to, and its cell's interrupt token
/// (see <see cref="Scripting.CellInterruption"/>). An AsyncLocal, so it follows user code into tasks, threads and
/// timers it starts: their console output and displays land in the right cell even when several sessions share a
/// process (tests).
/// </summary>
internal sealed record ExecutionScope(CSharpSession Session, IExecutionObserver Observer, CancellationToken CancellationToken)
{
    private static readonly AsyncLocal<ExecutionScope?> CurrentScope = new();

    public static ExecutionScope? Current => CurrentScope.Value;

    /// <summary>Makes this scope current for the calling flow (and everything it starts from now on).</summary>
    public void Enter() => CurrentScope.Value = this;
}
