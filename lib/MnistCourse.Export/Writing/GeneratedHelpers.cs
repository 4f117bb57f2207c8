using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using MnistCourse.NotebookEngine.Running;

namespace MnistCourse.Export.Writing;

/// <summary>
/// The classes every exported app ends with. <c>NotebookParameters</c>: the command line (<c>--quick</c>,
/// <c>--set name=value</c> converted to the parameter's type, <c>--help</c>). <c>NotebookOutput</c>: what a notebook
/// would display (text to the console; Plotly.NET and XPlot charts as offline HTML pages and images as files in the
/// lesson's output folder, paths printed), under the names lesson code calls: <c>display</c>, <c>.Display()</c>,
/// <c>.Update</c>, <c>HTML</c>. Their code lives in real C# files (<c>AppTemplate/</c>, embedded in this assembly and
/// copied in verbatim); only each lesson's part is generated here: its usage text, parameters, name, and one chart
/// case per chart package the lesson references.
/// </summary>
internal static class GeneratedHelpers
{
    public static string Parameters(string usage, IReadOnlyList<ParameterDeclaration> parameters, bool hasQuick)
    {
        var declared = string.Concat(parameters.Select(p => $"        [{Literal(p.Name)}] = {Literal(p.TypeName)},\n"));
        var names = parameters.Count == 0 ? "(this lesson has none)" : string.Join(", ", parameters.Select(p => p.Name));
        var example = parameters.Count > 0 ? parameters[0].Name + "=…" : "name=value";
        return "/// <summary>This lesson's part of the command line: its usage, its \"parameters\" cell, its quick-run settings.</summary>\n" +
               "static partial class NotebookParameters\n{\n" +
               $"    const string Usage = {RawLiteral(usage, "        ")};\n" +
               $"    const string Example = {Literal(example)};\n" +
               $"    const string Names = {Literal(names)};\n" +
               $"    static readonly bool hasQuickSettings = {(hasQuick ? "true" : "false")};\n" +
               "    static readonly Dictionary<string, string> declared = new()\n    {\n" + declared + "    };\n}\n\n" +
               Template("NotebookParameters.cs") + "\n" + Template("ParameterText.cs");
    }

    public static string Output(string lesson, bool plotlyNet, bool mnistCoursePlot, bool xplot)
    {
        var cases = new StringBuilder();
        if (plotlyNet)
            cases.Append(ChartCase("Plotly.NET.GenericChart chart",
                mnistCoursePlot ? "MnistCourse.Charts.Plot.SaveHtml(chart, path)" : "File.WriteAllText(path, Plotly.NET.GenericChart.toEmbeddedHTML(chart))"));
        if (xplot)
            cases.Append(ChartCase("XPlot.Plotly.PlotlyChart xplotChart", "File.WriteAllText(path, Page(xplotChart.GetInlineHtml(), withPlotlyJs: true))"));
        // plotly.js goes into the page itself, so charts draw offline: the course library's copy, else Plotly.NET's own.
        var plotlyJs = mnistCoursePlot ? "\"<script>\" + MnistCourse.Charts.Plot.PlotlyJs + \"</script>\"" : "EmbeddedPlotlyJs()";
        return "/// <summary>This lesson's part of the display: its name, plotly.js, and the chart types it references.</summary>\n" +
               "static partial class NotebookOutput\n{\n" +
               $"    public const string Lesson = {Literal(lesson)};\n" +
               $"    static string PlotlyJs => {plotlyJs};\n\n" +
               "    /// <summary>Saves a chart as a page; null when <paramref name=\"value\"/> is no chart.</summary>\n" +
               "    static string SaveChart(object value, string file)\n    {\n        switch (value)\n        {\n" + cases +
               "        }\n        return null;\n    }\n}\n\n" +
               Template("NotebookOutput.cs") + "\n" + Template("NotebookDisplay.cs");
    }

    private static string ChartCase(string pattern, string write) =>
        $"            case {pattern}:\n                return Save(file, \".html\", \"chart\", path => {write});\n";

    /// <summary>A file of <c>AppTemplate/</c>, without its two-line header (which speaks of the template, not the app).</summary>
    private static string Template(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("MnistCourse.Export.AppTemplate." + file)
                           ?? throw new InvalidOperationException($"AppTemplate/{file} is not embedded in MnistCourse.Export");
        var text = new StreamReader(stream).ReadToEnd().Replace("\r\n", "\n");
        return text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
    }

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>A raw string literal (C# 11) of <paramref name="text"/>, its lines indented, so the text reads as printed.</summary>
    private static string RawLiteral(string text, string indent)
    {
        var quotes = "\"\"\"";
        while (text.Contains(quotes, StringComparison.Ordinal)) quotes += '"';
        var lines = text.Split('\n').Select(l => l.Length == 0 ? "" : indent + l);
        return quotes + "\n" + string.Join("\n", lines) + "\n" + indent + quotes;
    }
}
