using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace MnistCourse.NotebookEngine.Execution.Formatting;

/// <summary>
/// Turns a value into a MIME bundle, as the .NET Interactive C# kernel does, using its Formatter for text/plain and
/// text/html. Differences kept small and deliberate: scalars and strings get text/plain only (readable notebooks),
/// other objects get text/html plus a text/plain fallback, charts get offline HTML, and explicitly requested mime types
/// are honoured as given (a string shown as "text/html" is taken as HTML, a byte[] shown as "image/png" as the image).
/// One instance per session: it remembers whether plotly.js was already emitted.
/// </summary>
public sealed class OutputFormatter
{
    private int _plotlyJsEmitted;

    public const string PlainText = "text/plain";
    public const string Html = "text/html";

    /// <summary>Formats <paramref name="value"/>. <paramref name="carriesPlotlyJs"/> tells whether the bundle includes the plotly.js block.</summary>
    public Dictionary<string, string> Format(object? value, IReadOnlyList<string> mimeTypes, bool forcePlotlyJs, out bool carriesPlotlyJs)
    {
        carriesPlotlyJs = false;
        var data = new Dictionary<string, string>();
        if (mimeTypes.Count > 0)
        {
            foreach (var mime in mimeTypes.Distinct(StringComparer.OrdinalIgnoreCase))
                data[mime] = FormatAs(value, mime, forcePlotlyJs, ref carriesPlotlyJs);
            return data;
        }
        if (value is null) return new() { [PlainText] = Formatter.NullString };
        if (value is IHtmlContent) return new() { [Html] = Formatter.ToDisplayString(value, Html) };
        if (value is string text) return new() { [PlainText] = text };
        if (IsScalar(value.GetType())) return new() { [PlainText] = Formatter.ToDisplayString(value, PlainText) };
        if (PlotlyChartFormatter.IsChart(value))
        {
            var chart = FormatAs(value, Html, forcePlotlyJs, ref carriesPlotlyJs);
            return new() { [Html] = chart, [PlainText] = value.GetType().FullName ?? value.GetType().Name };
        }

        var preferred = Formatter.GetPreferredMimeTypesFor(value.GetType());
        foreach (var mime in preferred.Count > 0 ? preferred : [Html])
            data[mime] = FormatAs(value, mime, forcePlotlyJs, ref carriesPlotlyJs);
        if (!data.ContainsKey(PlainText)) data[PlainText] = Formatter.ToDisplayString(value, PlainText);
        return data;
    }

    private string FormatAs(object? value, string mime, bool forcePlotlyJs, ref bool carriesPlotlyJs)
    {
        if (value is byte[] bytes && !mime.StartsWith("text/", StringComparison.OrdinalIgnoreCase))
            return Convert.ToBase64String(bytes);
        if (value is string text) return text;
        if (value is not null && string.Equals(mime, Html, StringComparison.OrdinalIgnoreCase) && PlotlyChartFormatter.ToHtml(value) is { } chart)
        {
            var first = Interlocked.Exchange(ref _plotlyJsEmitted, 1) == 0;
            if ((first || forcePlotlyJs) && PlotlyJs.InlineScriptBlock() is { } script)
            {
                carriesPlotlyJs = true;
                return script + chart;
            }
            if (first && PlotlyJs.InlineScriptBlock() is null)
                return "<!-- mnistcourse: plotly.js was not found (reference Plotly.NET to get an offline copy) -->\n" + chart;
            return chart;
        }
        return Formatter.ToDisplayString(value, mime);
    }

    private static bool IsScalar(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
               || type == typeof(TimeSpan) || type == typeof(Guid) || type == typeof(DateOnly) || type == typeof(TimeOnly)
               || type == typeof(Half) || type == typeof(Int128) || type == typeof(UInt128) || type == typeof(System.Numerics.BigInteger);
    }
}
