namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// .NET Interactive kernel extensions that cannot be restored (or would not work) outside the real kernel. For each,
/// the engine restores the chart package it wraps, in the same version, and formats that package's charts itself
/// (see <see cref="Formatting.PlotlyChartFormatter"/>), which is all the extension did.
/// </summary>
public static class KernelExtensionSubstitutes
{
    private static readonly Dictionary<string, string> Underlying = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Plotly.NET.Interactive"] = "Plotly.NET",
        ["XPlot.Plotly.Interactive"] = "XPlot.Plotly",
    };

    /// <summary>The package to restore for <paramref name="request"/>: the chart package it wraps, or itself.</summary>
    public static PackageRequest Substitute(PackageRequest request) =>
        Underlying.TryGetValue(request.Id, out var id) ? request with { Id = id } : request;
}
