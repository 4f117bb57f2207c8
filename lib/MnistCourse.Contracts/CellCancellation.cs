namespace MnistCourse.Contracts;

/// <summary>
/// How a notebook host stops a running cell inside library code. .NET cannot abort a thread, so the host publishes
/// the running cell's <see cref="CancellationToken"/> under one <c>AppContext</c> key, and long loops (the course's
/// <c>Fit</c> and <c>Evaluate</c>) call <see cref="ThrowIfRequested"/> between batches.
/// </summary>
public static class CellCancellation
{
    public const string Key = "MnistCourse.CellCancellation";

    /// <summary>Publishes the running cell's token (a host calls this before the cell, and <see cref="Clear"/> after).</summary>
    public static void Publish(CancellationToken token) => AppContext.SetData(Key, token);

    public static void Clear() => AppContext.SetData(Key, null);

    /// <summary>Throws <see cref="OperationCanceledException"/> when the host asked the running cell to stop.</summary>
    public static void ThrowIfRequested()
    {
        if (AppContext.GetData(Key) is CancellationToken token) token.ThrowIfCancellationRequested();
    }
}
