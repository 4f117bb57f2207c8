namespace MnistCourse.Training;

/// <summary>
/// Lets a notebook kernel stop a running <c>Fit</c> or <c>Evaluate</c>: .NET cannot abort a thread, so the
/// kernel publishes the running cell's cancellation token under <see cref="Key"/> and the loops check it
/// between batches.
/// </summary>
public static class Interruption
{
    /// <summary>The <c>AppContext</c> data key under which a host publishes the current cell's <see cref="CancellationToken"/>.</summary>
    public const string Key = "MnistCourse.CellCancellation";

    /// <summary>Throws <see cref="OperationCanceledException"/> when the host asked the running cell to stop.</summary>
    public static void ThrowIfRequested()
    {
        if (AppContext.GetData(Key) is CancellationToken token) token.ThrowIfCancellationRequested();
    }
}
