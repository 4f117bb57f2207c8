using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Notebooks.Scripting;

/// <summary>
/// What <c>display(...)</c> returns, as in .NET Interactive: a handle on one output that <see cref="Update"/> replaces
/// in place (same display id), e.g. to show a training curve growing epoch by epoch.
/// </summary>
public sealed class DisplayedValue
{
    private readonly CSharpSession _session;
    private readonly IReadOnlyList<string> _mimeTypes;
    private readonly IExecutionObserver _origin;
    private readonly bool _carriesPlotlyJs;

    internal DisplayedValue(CSharpSession session, string displayId, IReadOnlyList<string> mimeTypes, IExecutionObserver origin, bool carriesPlotlyJs)
    {
        _session = session;
        DisplayId = displayId;
        _mimeTypes = mimeTypes;
        _origin = origin;
        _carriesPlotlyJs = carriesPlotlyJs;
    }

    public string DisplayId { get; }

    /// <summary>Replaces the displayed value (an update_display_data with the same display id).</summary>
    public void Update(object? updatedValue)
    {
        // If this output carried the page's only copy of plotly.js, its replacement must carry it too.
        var data = _session.Formatter.Format(updatedValue, _mimeTypes, forcePlotlyJs: _carriesPlotlyJs, out _);
        var observer = ExecutionScope.Current?.Observer ?? _origin;
        observer.OnUpdateDisplayData(new DisplayData(data, DisplayId));
    }
}
