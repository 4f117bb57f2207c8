using System.Text.RegularExpressions;
using MnistCourse.NotebookEngine.Execution.Formatting;

namespace MnistCourse.Site;

/// <summary>
/// The engine puts plotly.js inline in the first chart of each notebook, between <see cref="PlotlyJs.BeginMarker"/>
/// and <see cref="PlotlyJs.EndMarker"/>. The site keeps one copy as a file that every chart page loads, and removes
/// the inline copies; chart scripts wait for window.Plotly, so the order does not matter.
/// </summary>
public static partial class PlotlyBundle
{
    public const string FileName = "plotly.min.js";

    [GeneratedRegex(@"window\.Plotly\.newPlot\.apply|(?<![\w.$])Plotly\.(?:newPlot|react|plot)\(")]
    private static partial Regex PlotCall();

    [GeneratedRegex(@"<script[^>]*\bsrc\s*=\s*[""']?(?:https?:)?//[^>]*>\s*</script>", RegexOptions.IgnoreCase)]
    private static partial Regex RemoteScript();

    [GeneratedRegex(@"plotly\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex Version();

    /// <summary>How many charts an HTML output draws (calls of Plotly.newPlot).</summary>
    public static int CountCharts(string html) => PlotCall().Matches(html).Count;

    /// <summary>
    /// Splits an HTML output into the page HTML without any inline plotly.js (and without remote script tags) and the
    /// plotly.js source it carried, if any. Throws <see cref="FormatException"/> when a marker is unbalanced.
    /// </summary>
    public static (string Html, string? PlotlyJs) Extract(string html)
    {
        string? script = null;
        while (true)
        {
            var begin = html.IndexOf(PlotlyJs.BeginMarker, StringComparison.Ordinal);
            if (begin < 0) break;
            var end = html.IndexOf(PlotlyJs.EndMarker, begin, StringComparison.Ordinal);
            if (end < 0) throw new FormatException($"an inline plotly.js block opens with {PlotlyJs.BeginMarker} but never closes");
            var block = html.Substring(begin + PlotlyJs.BeginMarker.Length, end - begin - PlotlyJs.BeginMarker.Length);
            script ??= ScriptBody(block);
            html = html.Remove(begin, end + PlotlyJs.EndMarker.Length - begin);
        }
        if (html.Contains(PlotlyJs.EndMarker, StringComparison.Ordinal))
            throw new FormatException($"an inline plotly.js block closes with {PlotlyJs.EndMarker} but never opens");
        return (RemoteScript().Replace(html, ""), script);
    }

    /// <summary>The engine's own plotly.js (from the Plotly.NET package in the NuGet cache), for charts whose notebook lost its inline copy.</summary>
    public static string? FromEngine() => PlotlyJs.InlineScriptBlock() is { } block ? Extract(block).PlotlyJs : null;

    /// <summary>"2.28.0", read from plotly.js's banner comment; null when absent.</summary>
    public static string? VersionOf(string plotlyJs) =>
        Version().Match(plotlyJs, 0, Math.Min(4096, plotlyJs.Length)) is { Success: true } match ? match.Groups[1].Value : null;

    private static string ScriptBody(string block)
    {
        var open = block.IndexOf("<script", StringComparison.OrdinalIgnoreCase);
        var openEnd = open < 0 ? -1 : block.IndexOf('>', open);
        var close = block.LastIndexOf("</script>", StringComparison.OrdinalIgnoreCase);
        if (openEnd < 0 || close < openEnd) throw new FormatException("the inline plotly.js block holds no <script> element");
        return block.Substring(openEnd + 1, close - openEnd - 1).Trim('\n', '\r') + "\n";
    }
}
