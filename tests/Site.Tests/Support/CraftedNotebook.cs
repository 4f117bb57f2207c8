using System.Text.Json.Nodes;
using MnistCourse.NotebookFormat;

namespace MnistCourse.Site.Tests.Support;

/// <summary>
/// A hostile executed notebook, as anyone could hand a learner: every payload calls <see cref="Ran"/> with its name
/// (recording it in window.__ran and opening an alert), so a page that runs any of them is caught. Among them, two
/// charts in the exact form the course's engine emits, which must still draw.
/// </summary>
internal static class CraftedNotebook
{
    /// <summary>An executed notebook's file name that breaks out of an attribute if pasted unescaped.</summary>
    public const string Lesson = "98-crafted\" onmouseover=\"P('file name')\"><img src=x onerror=P('file')>";

    public static string Ran(string payload) => $"(window.__ran=window.__ran||[]).push('{payload}');alert('{payload}')";

    public const string PlotlyNetChartId = "0b7e7f1c-2a43-4a52-9e0e-3c1d2b4a5f60";
    public const string XPlotChartId = "xplot-chart";

    private const string Deferred =
        "(function(){var a=arguments;(function w(){if(window.Plotly){window.Plotly.newPlot.apply(window.Plotly,a);}else{setTimeout(w,50);}})();})";

    /// <summary>
    /// A chart as the engine emits Plotly.NET's. Its title is "&lt;/script&gt;&lt;script&gt;…" written with JSON escapes (as
    /// it must be to stay inside the notebook's script element): the site must keep it escaped when it re-emits the JSON.
    /// </summary>
    public static readonly string PlotlyNetChart =
        $"<div><div id=\"{PlotlyNetChartId}\"><!-- Plotly chart will be drawn inside this DIV --></div><script type=\"text/javascript\">" +
        $"var renderPlotly_0b7e7f1c2a434a529e0e3c1d2b4a5f60 = function() {{\n" +
        "    var data = [{\"type\":\"heatmap\",\"z\":[[1,2],[3,4]]}];\n" +
        $"    var layout = {{\"title\":{{\"text\":\"\\u003c/script\\u003e\\u003cscript\\u003e{Ran("json breakout")}\\u003c/script\\u003e\"}},\"width\":300,\"height\":300}};\n" +
        "    var config = {\"displaylogo\":false};\n" +
        $"    {Deferred}('{PlotlyNetChartId}', data, layout, config);\n}};\nrenderPlotly_0b7e7f1c2a434a529e0e3c1d2b4a5f60();\n</script></div>";

    /// <summary>A chart as the engine emits XPlot's, behind a fake inline plotly.js block whose "library" is a payload.</summary>
    public static readonly string FakePlotlyJsAndXPlotChart =
        $"{PlotlyJsMarkers.Begin}\n<script type=\"text/javascript\">/*! plotly.js v9.9.9 */ {Ran("fake plotly.js")}</script>\n{PlotlyJsMarkers.End}\n" +
        $"<div id=\"{XPlotChartId}\" style=\"width: 340px; height: 340px;\"></div>\n        <script>\n" +
        "            var data = [{\"type\":\"bar\",\"x\":[\"a\",\"b\"],\"y\":[2,1]}];\n           var layout = {\"title\":\"bars\"};\n" +
        $"           {Deferred}('{XPlotChartId}', data, layout);\n        </script>";

    /// <summary>Looks like a chart but its script does one thing more: not the engine's, so its script must not run.</summary>
    public static readonly string ChartLookalike =
        $"<div id=\"lookalike\"></div><script>var data = [{{\"type\":\"bar\",\"y\":[1]}}]; var layout = {{}}; {Ran("chart lookalike")}; {Deferred}('lookalike', data, layout);</script>";

    public static JsonObject Build() => new()
    {
        ["cells"] = new JsonArray
        {
            Markdown("# Crafted notebook\n\n" +
                     $"<script>{Ran("markdown script")}</script>\n\n" +
                     $"<img src=\"data:image/png;base64,AAAA\" onerror=\"{Ran("markdown onerror")}\">\n\n" +
                     $"[a javascript: link](javascript:{Uri.EscapeDataString(Ran("markdown link"))}) and " +
                     $"<a href=\"javascript:{Ran("raw link")}\">a raw one</a>, <a href=\"data:text/html,<script>alert(1)</script>\">a data: one</a>\n\n" +
                     $"<iframe srcdoc=\"<script>parent.{Ran("iframe")}</script>\"></iframe>\n\n" +
                     $"<svg><script>{Ran("svg script")}</script><a href=\"javascript:{Ran("svg link")}\"><text>x</text></a></svg>\n\n" +
                     $"<details open ontoggle=\"{Ran("ontoggle")}\"><summary>s</summary></details>\n\n" +
                     "<table class=\"kept\"><tr><td>a table is kept</td></tr></table>"),
            Code(1, Output("display_data", new JsonObject { ["text/html"] = $"<p>html</p><script>{Ran("html script")}</script><img src=x onerror=\"{Ran("html onerror")}\"><object data=\"javascript:{Ran("object")}\"></object>" })),
            Code(2, Output("display_data", new JsonObject { ["text/html"] = FakePlotlyJsAndXPlotChart, ["text/plain"] = "XPlot.Plotly.PlotlyChart" })),
            Code(3, Output("display_data", new JsonObject { ["text/html"] = PlotlyNetChart, ["text/plain"] = "Plotly.NET.GenericChart" })),
            Code(4, Output("display_data", new JsonObject { ["text/html"] = ChartLookalike })),
            Code(5, Output("display_data", new JsonObject { ["image/png"] = $"AAAA\" onerror=\"{Ran("image data")}" },
                new JsonObject { ["image/png"] = new JsonObject { ["width"] = $"1\" onerror=\"{Ran("image width")}" } })),
            Code(6, Output("execute_result", new JsonObject { ["text/markdown"] = $"**md output** <img src=x onerror=\"{Ran("markdown output")}\">" })),
        },
        ["metadata"] = new JsonObject(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 5,
    };

    private static JsonObject Markdown(string source) => new() { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source };

    private static JsonObject Code(int count, JsonObject output) => new()
    {
        ["cell_type"] = "code", ["metadata"] = new JsonObject(), ["execution_count"] = count, ["outputs"] = new JsonArray(output), ["source"] = "// crafted",
    };

    private static JsonObject Output(string type, JsonObject data, JsonObject? metadata = null)
    {
        var output = new JsonObject { ["output_type"] = type, ["data"] = data, ["metadata"] = metadata ?? new JsonObject() };
        if (type == "execute_result") output["execution_count"] = 6;
        return output;
    }
}

/// <summary>The site built from the crafted notebook alone (no lesson is executed).</summary>
public sealed class CraftedSiteFixture : SiteFixture
{
    protected override JsonArray WriteExecutedNotebooks() => [WriteNotebook(CraftedNotebook.Lesson, CraftedNotebook.Build())];
}
