using System.Reflection;
using System.Text.RegularExpressions;

namespace MnistCourse.NotebookEngine.Execution.Formatting;

/// <summary>
/// Renders Plotly.NET and XPlot.Plotly charts as HTML, found by type name at format time so the engine references
/// neither package: the versions come only from the notebook's own <c>#r</c> lines.
/// Plotly.NET: the static <c>toChartHTML(GenericChart)</c> of its GenericChart module (a &lt;div&gt; plus a &lt;script&gt;,
/// no script src). XPlot.Plotly: <c>PlotlyChart.GetInlineHtml()</c>. Each chart's script waits for window.Plotly,
/// because plotly.js may arrive later on the page (or from another output); no CDN is ever referenced.
/// </summary>
public static partial class PlotlyChartFormatter
{
    private const string PlotlyNetChart = "Plotly.NET.GenericChart";
    private const string XPlotChart = "XPlot.Plotly.PlotlyChart";

    public static bool IsChart(object? value) => value is not null && ChartType(value.GetType()) is not null;

    /// <summary>The chart's HTML fragment (without plotly.js), or null when the value is not a known chart type.</summary>
    public static string? ToHtml(object value)
    {
        var html = ChartType(value.GetType()) switch
        {
            { FullName: XPlotChart } => (string?)value.GetType().GetMethod("GetInlineHtml", Type.EmptyTypes)?.Invoke(value, null),
            { } chartType => PlotlyNetHtml(value, chartType),
            null => null,
        };
        return html is null ? null : MakeOffline(html);
    }

    /// <summary>The Plotly.NET or XPlot chart class <paramref name="type"/> is or derives from, or null.</summary>
    private static Type? ChartType(Type? type)
    {
        while (type is not null && type.FullName is not (PlotlyNetChart or XPlotChart)) type = type.BaseType;
        return type;
    }

    private static string? PlotlyNetHtml(object chart, Type chartType)
    {
        // F# compiles `module GenericChart` either into the type itself or into "GenericChartModule".
        var method = new[] { chartType, chartType.Assembly.GetType(PlotlyNetChart + "Module") }.OfType<Type>()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .FirstOrDefault(m => m.Name == "toChartHTML" && m.GetParameters() is [var p] && p.ParameterType.IsInstanceOfType(chart));
        return (string?)method?.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [chart], culture: null);
    }

    [GeneratedRegex(@"<script[^>]*\bsrc\s*=\s*[""']https?://[^>]*>\s*</script>", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteScript();

    [GeneratedRegex(@"(?<![\w.$])Plotly\.newPlot\(")]
    private static partial Regex NewPlotCall();

    /// <summary>Drops remote &lt;script src&gt; tags and defers each Plotly.newPlot call until window.Plotly exists.</summary>
    private static string MakeOffline(string html)
    {
        html = RemoteScript().Replace(html, "");
        const string deferred =
            "(function(){var a=arguments;(function w(){if(window.Plotly){window.Plotly.newPlot.apply(window.Plotly,a);}else{setTimeout(w,50);}})();})(";
        return NewPlotCall().Replace(html, deferred);
    }
}
