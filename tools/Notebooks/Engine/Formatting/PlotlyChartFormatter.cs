using System.Reflection;
using System.Text.RegularExpressions;

namespace MnistCourse.Notebooks.Engine.Formatting;

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

    public static bool IsChart(object? value) => value is not null && ChartKind(value.GetType()) is not null;

    /// <summary>The chart's HTML fragment (without plotly.js), or null when the value is not a known chart type.</summary>
    public static string? ToHtml(object value)
    {
        var html = ChartKind(value.GetType()) switch
        {
            PlotlyNetChart => PlotlyNetHtml(value),
            XPlotChart => (string?)value.GetType().GetMethod("GetInlineHtml", Type.EmptyTypes)?.Invoke(value, null),
            _ => null,
        };
        return html is null ? null : MakeOffline(html);
    }

    private static string? ChartKind(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.FullName is PlotlyNetChart or XPlotChart) return type.FullName;
        return null;
    }

    private static string? PlotlyNetHtml(object chart)
    {
        var chartType = chart.GetType();
        while (chartType!.FullName != PlotlyNetChart) chartType = chartType.BaseType;
        // F# compiles `module GenericChart` either into the type itself or into "GenericChartModule".
        var candidates = new[] { chartType, chartType.Assembly.GetType(PlotlyNetChart + "Module") }.OfType<Type>();
        foreach (var type in candidates)
        {
            var method = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.Name == "toChartHTML" && m.GetParameters() is [var p] && p.ParameterType.IsInstanceOfType(chart));
            if (method is not null)
            {
                try
                {
                    return (string?)method.Invoke(null, [chart]);
                }
                catch (TargetInvocationException e) when (e.InnerException is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                }
            }
        }
        return null;
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
