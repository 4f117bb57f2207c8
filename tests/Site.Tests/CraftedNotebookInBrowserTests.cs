using System.Text.Json;
using MnistCourse.Site.Charts;
using MnistCourse.Site.Tests.Support;

namespace MnistCourse.Site.Tests;

/// <summary>
/// A hostile notebook put through the site and opened in headless Chromium: none of its scripts, event handlers,
/// javascript: links, iframes or fake plotly.js runs, no dialog opens, and the charts in the engine's own form draw.
/// </summary>
[Trait("Speed", "Slow")]
public class CraftedNotebookInBrowserTests(CraftedSiteFixture site) : IClassFixture<CraftedSiteFixture>
{
    private string PageFile => Assert.Single(site.Summary.Pages).File!;

    public static TheoryData<string> Pages => new() { "index", "lesson" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Nothing_the_notebook_carries_runs(string which)
    {
        var url = site.Server.BaseUrl + (which == "index" ? "index.html" : Uri.EscapeDataString(PageFile));
        await using var visit = await site.VisitAsync(url);
        var page = visit.Page;
        Assert.Equal(200, visit.Status);
        // Hover and click everything a learner could: a handler or javascript: link that survived would fire now.
        foreach (var element in await page.Locator("main a, main img, main details, main .html-output *").AllAsync())
        {
            try { await element.HoverAsync(new() { Timeout = 1000 }); } catch (Exception e) when (e is TimeoutException or Microsoft.Playwright.PlaywrightException) { }
        }
        foreach (var link in await page.Locator("main a[href^='javascript:' i]").AllAsync())
            await link.ClickAsync(new() { Timeout = 2000 });
        await page.WaitForTimeoutAsync(500);

        var ran = await page.EvaluateAsync<JsonElement>("() => window.__ran || []");
        Assert.True(ran.GetArrayLength() == 0, $"{which}: payloads ran: {ran}");
        Assert.True(visit.Dialogs.Count == 0, $"{which}: dialogs opened: {string.Join("; ", visit.Dialogs)}");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
        Assert.Equal(0, await page.Locator("iframe, object, embed, frame, form, meta[http-equiv]").CountAsync());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('[href],[src],[action],[srcdoc]')].filter(e => /^\\s*(javascript|vbscript|data:text)/i.test(e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || e.getAttribute('srcdoc') || '') || e.hasAttribute('srcdoc')).length"));
        var scripts = await page.EvaluateAsync<string[]>("() => [...document.scripts].map(s => s.type === 'application/json' ? 'json' : s.getAttribute('src') || 'inline')");
        Assert.All(scripts, s => Assert.Contains(s, new[] { "json", PlotlyBundle.FileName, PlotlyBundle.ChartsScriptFileName }));
        Assert.True(visit.PageErrors.Count == 0, $"{which}: page errors:\n{string.Join('\n', visit.PageErrors)}");
    }

    [Fact]
    public async Task The_engines_own_charts_still_draw_with_the_courses_plotly_js()
    {
        await using var visit = await site.VisitAsync(site.Server.BaseUrl + Uri.EscapeDataString(PageFile));
        Assert.True(visit.WaitProblem is null, visit.WaitProblem);
        var plots = visit.Charts.SelectMany(c => c.Plots).ToList();
        Assert.Equal([CraftedNotebook.XPlotChartId, CraftedNotebook.PlotlyNetChartId], plots.Select(p => p.Id));
        Assert.All(plots, p => Assert.True(p.Svgs > 0 && p.Traces > 0 && p.Marks > 0, $"chart {p.Id} not drawn"));
        Assert.Equal(2, Assert.Single(site.Summary.Pages).Charts); // the lookalike is not counted as a chart
        // The title that tried to close its script element is shown as text, in the chart.
        Assert.Contains("</script><script>", await visit.Page.Locator($"[id='{CraftedNotebook.PlotlyNetChartId}'] .gtitle").TextContentAsync());

        var plotlyJs = File.ReadAllText(Path.Combine(site.SiteDir, PlotlyBundle.FileName));
        Assert.Equal(PlotlyBundle.PlotlyJs, plotlyJs);
        Assert.DoesNotContain("fake plotly.js", plotlyJs);
        Assert.Equal("2.28.0", site.Summary.PlotlyVersion);
    }

    [Fact]
    public async Task The_attribute_breaking_file_name_links_to_its_page()
    {
        await using var visit = await site.VisitAsync(site.Server.BaseUrl + "index.html");
        Assert.Equal(CraftedNotebook.Lesson, await visit.Page.Locator("li.lesson").GetAttributeAsync("data-lesson"));
        var link = visit.Page.Locator("li.lesson a.lesson-title");
        Assert.Equal(1, await link.CountAsync());
        await link.ClickAsync();
        await visit.Page.WaitForURLAsync("**/98-crafted*");
        Assert.Equal("Crafted notebook", (await visit.Page.Locator("main h1").First.InnerTextAsync()).Trim());
    }
}
