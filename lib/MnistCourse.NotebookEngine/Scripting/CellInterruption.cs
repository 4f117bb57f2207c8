using MnistCourse.NotebookEngine.Execution;

namespace MnistCourse.NotebookEngine.Scripting;

/// <summary>
/// Cooperative interruption of a running cell. .NET cannot abort a thread, so the engine inserts a call to
/// <see cref="ThrowIfRequested"/> at the start of every loop body in cell code (<see cref="InterruptionPoints"/>), and
/// publishes "the running cell's token" once with <see cref="CellCancellation"/> for library code (MnistCourse's Fit checks
/// it between batches): the token of the <see cref="ExecutionScope"/> of the calling flow, so sessions sharing a process
/// (a kernel's tests) each stop only their own cell.
/// Code that only waits (Thread.Sleep, blocking I/O) cannot be interrupted.
/// </summary>
public static class CellInterruption
{
    // How many cells have a pending interrupt, process-wide: the check in every loop iteration is one volatile read.
    private static int _pending;

    static CellInterruption() => CellCancellation.Publish(() => ExecutionScope.Current?.CancellationToken ?? CancellationToken.None);

    /// <summary>Throws <see cref="OperationCanceledException"/> when the cell running this code was interrupted.</summary>
    public static void ThrowIfRequested()
    {
        if (Volatile.Read(ref _pending) == 0) return;
        ExecutionScope.Current?.CancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Makes an interrupt of <paramref name="token"/> visible to the loop checks and to library code, for one cell
    /// (null when the token cannot be cancelled).</summary>
    internal static IDisposable? Arm(CancellationToken token) => token.CanBeCanceled ? new Armed(token) : null;

    private sealed class Armed : IDisposable
    {
        private readonly CancellationTokenRegistration _registration;
        private int _counted;

        public Armed(CancellationToken token)
        {
            _registration = token.Register(() =>
            {
                Interlocked.Exchange(ref _counted, 1);
                Interlocked.Increment(ref _pending);
            });
        }

        public void Dispose()
        {
            _registration.Dispose(); // waits for a callback that is running, so _counted is final
            if (Interlocked.Exchange(ref _counted, 0) == 1) Interlocked.Decrement(ref _pending);
        }
    }
}
