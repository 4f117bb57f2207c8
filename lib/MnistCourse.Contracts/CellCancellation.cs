namespace MnistCourse.Contracts;

/// <summary>
/// How a notebook host stops a running cell inside library code. .NET cannot abort a thread, so the host publishes,
/// once, a function that returns the token of the cell running on the calling flow (a notebook engine keeps it in an
/// AsyncLocal, so several sessions in one process each see their own cell's), under one <c>AppContext</c> key — a
/// delegate of CoreLib types only, so it works whatever load context the library was loaded in. Long loops (the
/// course's <c>Fit</c> and <c>Evaluate</c>) call <see cref="ThrowIfRequested"/> between batches.
/// </summary>
public static class CellCancellation
{
    public const string Key = "MnistCourse.CellCancellation";

    /// <summary>Publishes the host's "token of the running cell" function.</summary>
    public static void Publish(Func<CancellationToken> runningCell) => AppContext.SetData(Key, runningCell);

    public static void Clear() => AppContext.SetData(Key, null);

    /// <summary>Throws <see cref="OperationCanceledException"/> when the host asked the running cell to stop.</summary>
    public static void ThrowIfRequested()
    {
        if (AppContext.GetData(Key) is Func<CancellationToken> runningCell) runningCell().ThrowIfCancellationRequested();
    }
}
