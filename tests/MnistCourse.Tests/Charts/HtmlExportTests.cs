using System.Text;
using System.Text.RegularExpressions;
using MnistCourse.Charts;
using static MnistCourse.Tests.Charts.ChartJson;

namespace MnistCourse.Tests.Charts;

public sealed class HtmlExportTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mnistcourse-charts-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void SaveHtmlWritesAnOfflinePageWithTheData()
    {
        var path = Path.Combine(_folder, "nested", "digits.html");

        Plot.SaveHtml(Plot.Misclassified([Image((4, 4, 0.5f))], [4], [9]), path);

        var html = File.ReadAllText(path, Encoding.UTF8);
        Assert.Contains("true 4 → pred 9", html);
        Assert.Contains("plotly.js v2.28.0", html);   // the library itself is inside the page
        Assert.DoesNotMatch(new Regex(@"<script[^>]*\ssrc\s*=", RegexOptions.IgnoreCase), html);
        Assert.DoesNotContain("cdn.", WithoutEmbeddedPlotlyJs(html));
        Assert.DoesNotContain("require", WithoutEmbeddedPlotlyJs(html));
        // Browsers only honour a charset declared in the first 1024 bytes.
        Assert.Contains("<meta charset=\"utf-8\">", html[..1024]);
        Assert.Equal(["digits.html"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void SaveHtmlReplacesAnExistingFile()
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "chart.html");
        File.WriteAllText(path, "old");

        Plot.SaveHtml(Plot.Bars(["new bar"], [1.0]), path);

        Assert.Contains("new bar", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder));   // no temporary file left behind
    }

    [Fact]
    public void SaveHtmlNeedsAPath()
    {
        var chart = Plot.Bars(["a"], [1.0]);

        Assert.Equal("path", Assert.Throws<ArgumentException>(() => Plot.SaveHtml(chart, " ")).ParamName);
        Assert.Equal("chart", Assert.Throws<ArgumentNullException>(() => Plot.SaveHtml(null!, "x.html")).ParamName);
    }

    [Fact]
    public void TheNotebookHtmlIsADivAndScriptWithoutPlotlyJs()
    {
        var fragment = Html(Plot.Heatmap(new double[,] { { 42.5 } }));

        Assert.StartsWith("<div", fragment);
        Assert.Contains("<script", fragment);
        Assert.Contains("Plotly.newPlot", fragment);
        Assert.Contains("42.5", fragment);
        Assert.DoesNotContain("src=", fragment);
        Assert.DoesNotContain("cdn.", fragment);
        Assert.DoesNotContain("require", fragment);
        Assert.DoesNotContain("plotly.js v2", fragment);
        Assert.True(fragment.Length < 10_000, $"a 1×1 heatmap fragment should be small, was {fragment.Length} characters");
    }

    [Fact]
    public void PlotlyJsIsAvailableForHostPages()
    {
        Assert.Contains("plotly.js v2.28.0", Plot.PlotlyJs[..200]);
        Assert.True(Plot.PlotlyJs.Length > 1_000_000);
    }

    /// <summary>The page minus the inline plotly.js, whose source mentions cdn.plot.ly in an error message.</summary>
    private static string WithoutEmbeddedPlotlyJs(string html)
    {
        var start = html.IndexOf("plotly.js v2.28.0", StringComparison.Ordinal);
        var scriptStart = html.LastIndexOf("<script", start, StringComparison.Ordinal);
        var scriptEnd = html.IndexOf("</script>", start, StringComparison.Ordinal);
        Assert.True(scriptStart >= 0 && scriptEnd > start, "plotly.js should be inline in a <script> element");
        return html[..scriptStart] + html[(scriptEnd + "</script>".Length)..];
    }
}
