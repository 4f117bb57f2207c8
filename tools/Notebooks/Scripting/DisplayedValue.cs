using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Notebooks.Scripting;

/// <summary>
/// What <c>display(...)</c> returns, as in .NET Interactive: a handle on one output that <see cref="Update"/> replaces
/// in place (same display id), e.g. to show a training curve growing epoch by epoch.
/// </summary>
public sealed class DisplayedValue
{
    private readonly Func<object?, Dictionary<string, string>> _format;
    private readonly IExecutionObserver _origin;

    internal DisplayedValue(string displayId, Func<object?, Dictionary<string, string>> format, IExecutionObserver origin)
    {
        DisplayId = displayId;
        _format = format;
        _origin = origin;
    }

    public string DisplayId { get; }

    /// <summary>Replaces the displayed value (an update_display_data with the same display id).</summary>
    public void Update(object? updatedValue) =>
        (ExecutionScope.Current?.Observer ?? _origin).OnUpdateDisplayData(new DisplayData(_format(updatedValue), DisplayId));
}
