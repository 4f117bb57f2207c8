namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// The engine's side of <see cref="CellDisplay"/>: library code (an exercise check) hands it a MIME bundle and it
/// becomes a display_data of the cell that is running on that logical flow, so the runner records it and the kernel
/// publishes it. Published once per process, at the first use of this class (a session's constructor makes sure of it).
/// </summary>
internal static class CellDisplayRouting
{
    static CellDisplayRouting() => CellDisplay.Publish(ShowInRunningCell);

    /// <summary>Nothing to do: touching the class runs the static constructor, which publishes the route.</summary>
    public static void EnsurePublished() { }

    private static bool ShowInRunningCell(IReadOnlyDictionary<string, string> bundle)
    {
        if (ExecutionScope.Current is not { } scope) return false;   // not from a cell: the caller prints its line
        scope.Observer.OnDisplayData(new DisplayData(new Dictionary<string, string>(bundle)));
        return true;
    }
}
