using System.Text.RegularExpressions;
using MnistCourse.Site.Charts;
using MnistCourse.Site.Safety;
using MnistCourse.Site.Tests.Support;

namespace MnistCourse.Site.Tests;

/// <summary>Notebook content is untrusted: what the sanitizer and the chart recogniser let through, without a browser.</summary>
public sealed class UntrustedContentTests : IDisposable
{
    private readonly TempFolder _work = new();

    public void Dispose() => _work.Dispose();

    [Theory]
    [InlineData("<script>alert(1)</script><p>x</p>", "<p>x</p>")]
    [InlineData("<img src=\"a.png\" onerror=\"alert(1)\">", "<img src=\"a.png\">")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>")]
    [InlineData("<a href=\"data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;\">x</a>", "<a>x</a>")]
    [InlineData("<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>", "")]
    [InlineData("<table class=\"raw-html\"><tbody><tr><td>1</td></tr></tbody></table>", "<table class=\"raw-html\"><tbody><tr><td>1</td></tr></tbody></table>")]
    [InlineData("<h2 id=\"setup\">Setup</h2>", "<h2 id=\"setup\">Setup</h2>")]
    [InlineData("<img src=\"data:image/png;base64,iVBORw0K\">", "<img src=\"data:image/png;base64,iVBORw0K\">")]
    public void Html_is_cleaned_and_the_lessons_markup_kept(string html, string cleaned) => Assert.Equal(cleaned, UntrustedHtml.Clean(html));

    [Fact]
    public void Markdown_drops_raw_scripts_handlers_and_javascript_links()
    {
        var html = MarkdownRenderer.ToHtml("[x](javascript:alert(1)) <b onclick=\"alert(1)\">b</b>\n\n<script>alert(1)</script>\n\n## Setup\n");
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("onclick", html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("<h2 id=\"setup\">Setup</h2>", html);
    }

    [Fact]
    public void The_engines_chart_forms_are_recognised_and_re_emitted_as_data()
    {
        var plotlyNet = CourseChart.Recognise(CraftedNotebook.PlotlyNetChart);
        Assert.NotNull(plotlyNet);
        Assert.Equal(CraftedNotebook.PlotlyNetChartId, plotlyNet.Id);
        var html = plotlyNet.ToHtml();
        Assert.DoesNotContain("</script><script>", html); // the title's "</script>" is escaped inside the JSON data
        Assert.Single(Regex.Matches(html, "</script>"));
        Assert.StartsWith($"<div class=\"chart\" id=\"{CraftedNotebook.PlotlyNetChartId}\"></div><script type=\"application/json\" class=\"chart-figure\">", html);

        var xplot = CourseChart.Recognise(PlotlyJsMarkersRemoved(CraftedNotebook.FakePlotlyJsAndXPlotChart));
        Assert.NotNull(xplot);
        Assert.Equal((340, 340), (xplot.Width, xplot.Height));
        Assert.NotNull(CourseChart.Recognise(SyntheticNotebook.ChartHtml));
    }

    private static string PlotlyJsMarkersRemoved(string html) => MnistCourse.NotebookFormat.PlotlyJsMarkers.Remove(html);

    [Theory]
    [InlineData("<div id=\"c\"></div><script>var data = [1]; var layout = {}; alert(1); Plotly.newPlot('c', data, layout);</script>")] // one statement more
    [InlineData("<div id=\"c\"></div><script>var data = [1]; var layout = {}; Plotly.newPlot('d', data, layout);</script>")] // plots elsewhere
    [InlineData("<div id=\"c\"></div><script>var data = [alert(1)]; var layout = {}; Plotly.newPlot('c', data, layout);</script>")] // code, not JSON
    [InlineData("<div id=\"c\" onclick=\"alert(1)\"></div><script>var data = [1]; var layout = {}; Plotly.newPlot('c', data, layout);</script>")]
    [InlineData("<div id=\"c\"></div><script src=\"x.js\">var data = [1]; var layout = {}; Plotly.newPlot('c', data, layout);</script>")]
    [InlineData("<div id=\"c\"><img src=x onerror=alert(1)></div><script>var data = [1]; var layout = {}; Plotly.newPlot('c', data, layout);</script>")]
    [InlineData("<div id=\"c\"></div><script>var data = [1]; var layout = {}; evil.newPlot('c', data, layout);</script>")]
    public void Anything_else_is_not_a_chart(string html) => Assert.Null(CourseChart.Recognise(html));

    [Fact]
    public void A_crafted_notebook_is_built_into_pages_that_carry_only_the_sites_scripts()
    {
        var artifacts = _work.File("artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, CraftedNotebook.Lesson + ".ipynb"), CraftedNotebook.Build().ToJsonString());
        File.WriteAllText(Path.Combine(artifacts, "results.json"),
            $"{{\"quick\":true,\"tutorials\":[],\"notebooks\":[{{\"notebook\":\"x.ipynb\",\"executed\":{System.Text.Json.JsonSerializer.Serialize(CraftedNotebook.Lesson + ".ipynb")},\"passed\":true,\"exit_code\":0,\"seconds\":1}}]}}");
        var summary = CourseSite.Build(artifacts, Path.Combine(artifacts, "site"));

        Assert.Equal(2, summary.Pages.Single().Charts);
        Assert.Equal(PlotlyBundle.PlotlyJs, File.ReadAllText(Path.Combine(artifacts, "site", PlotlyBundle.FileName)));
        foreach (var file in Directory.GetFiles(Path.Combine(artifacts, "site"), "*.html"))
        {
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(file));
            var scripts = page.Scripts.Select(s => s.Source ?? s.Type ?? "inline").Distinct().ToList();
            Assert.All(scripts, s => Assert.Contains(s, new[] { PlotlyBundle.FileName, PlotlyBundle.ChartsScriptFileName, "application/json" }));
            var attributes = page.All.SelectMany(e => e.Attributes).ToList();
            Assert.DoesNotContain(attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal));
            Assert.DoesNotContain(attributes, a => a.Name == "srcdoc" || a.Name is "href" or "src" && ActiveUrl(a.Value));
            Assert.Empty(page.QuerySelectorAll("iframe, object, embed, form"));
        }
    }

    /// <summary>A URL that runs code or a document when followed (the layout's icon "data:," is neither).</summary>
    private static bool ActiveUrl(string url) => Regex.IsMatch(url, @"^\s*(javascript|vbscript):", RegexOptions.IgnoreCase)
        || (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && url != "data:," && !UntrustedHtml.IsImageDataUrl(url));

    [Fact]
    public void A_lesson_named_index_is_refused()
    {
        var artifacts = _work.File("artifacts");
        Directory.CreateDirectory(artifacts);
        File.WriteAllText(Path.Combine(artifacts, "index.ipynb"), SyntheticNotebook.Build().ToJsonString());
        File.WriteAllText(Path.Combine(artifacts, "results.json"),
            "{\"quick\":true,\"tutorials\":[],\"notebooks\":[{\"notebook\":\"index.ipynb\",\"executed\":\"index.ipynb\",\"passed\":true,\"exit_code\":0,\"seconds\":1}]}");
        var e = Assert.Throws<SiteBuildException>(() => CourseSite.Build(artifacts, Path.Combine(artifacts, "site")));
        Assert.Contains("index.html", e.Message);
    }
}
