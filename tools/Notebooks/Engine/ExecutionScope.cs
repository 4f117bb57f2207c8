namespace MnistCourse.Notebooks.Engine;

/// <summary>
/// Which session, cell and observer the code running on this logical flow belongs to. An AsyncLocal, so it follows
/// user code into tasks, threads and timers it starts: their console output and displays land in the right cell even
/// when several sessions share a process (tests).
/// </summary>
internal sealed class ExecutionScope
{
    private static readonly AsyncLocal<ExecutionScope?> CurrentScope = new();

    public ExecutionScope(CSharpSession session, IExecutionObserver observer, string cellName, CancellationToken cancellationToken = default)
    {
        Session = session;
        Observer = observer;
        CellName = cellName;
        CancellationToken = cancellationToken;
    }

    public static ExecutionScope? Current => CurrentScope.Value;

    public CSharpSession Session { get; }

    public IExecutionObserver Observer { get; }

    public string CellName { get; }

    /// <summary>Cancelled when the front interrupts the cell (see <see cref="Scripting.CellInterruption"/>).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Makes this scope current for the calling flow (and everything it starts from now on).</summary>
    public void Enter() => CurrentScope.Value = this;
}
