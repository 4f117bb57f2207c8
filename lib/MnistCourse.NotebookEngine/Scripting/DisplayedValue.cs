using MnistCourse.NotebookEngine.Execution;

namespace MnistCourse.NotebookEngine.Scripting;

/// <summary>
/// What <c>display(...)</c> returns, as in .NET Interactive: a handle on one output that <see cref="Update"/> replaces
/// in place (same display id), e.g. to show a training curve growing epoch by epoch.
/// </summary>
public sealed class DisplayedValue(string displayId, Func<object?, Dictionary<string, string>> format, IExecutionObserver origin)
{
    public string DisplayId { get; } = displayId;

    /// <summary>Replaces the displayed value (an update_display_data with the same display id).</summary>
    public void Update(object? updatedValue) =>
        (ExecutionScope.Current?.Observer ?? origin).OnUpdateDisplayData(new DisplayData(format(updatedValue), DisplayId));
}
