using System.Globalization;
using Microsoft.Playwright;
using MnistCourse.NotebookFormat;
using MnistCourse.Site.Charts;
using MnistCourse.Site.Tests.Support;

namespace MnistCourse.Site.Tests;

/// <summary>
/// The site in a real browser (Debian's headless Chromium through Playwright), served over HTTP on 127.0.0.1 and
/// opened from file://: no console or page errors, every Plotly chart drawn, every image loaded, nothing fetched
/// from outside, the index lists every lesson with its accuracy. A full-page screenshot of each page goes to
/// artifacts/site-screenshots/.
/// </summary>
[Trait("Speed", "Slow")]
public class SiteInBrowserTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// <summary>Where the screenshots go: artifacts/site-screenshots/ of the repository.</summary>
    private static string Screenshots => Path.Combine(RepoPaths.Root, "artifacts", "site-screenshots");

    public static TheoryData<string> Pages => new() { "index.html", "01-convolution-by-hand.html", "02-keras-convnet.html", SyntheticNotebook.Lesson + ".html" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_shows_without_errors_draws_every_chart_and_loads_every_image(string file)
    {
        Assert.Contains(file, site.PageFiles);
        await using var visit = await site.VisitAsync(site.Server.BaseUrl + file);
        Directory.CreateDirectory(Screenshots);
        await visit.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, Path.ChangeExtension(file, ".png")), FullPage = true });

        Assert.Equal(200, visit.Status);
        Assert.True(visit.ConsoleErrors.Count == 0, $"{file}: console errors:\n{string.Join('\n', visit.ConsoleErrors)}");
        Assert.True(visit.PageErrors.Count == 0, $"{file}: page errors:\n{string.Join('\n', visit.PageErrors)}");
        Assert.True(visit.FailedRequests.Count == 0, $"{file}: failed requests:\n{string.Join('\n', visit.FailedRequests)}");
        Assert.True(visit.WaitProblem is null, $"{file}: charts or images did not finish: {visit.WaitProblem}");
        var outside = visit.Requests.Where(u => !u.StartsWith(site.Server.BaseUrl, StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count == 0, $"{file}: requests that leave the site:\n{string.Join('\n', outside)}");

        var page = site.Summary.Pages.SingleOrDefault(p => p.File == file);
        var expectedCharts = page?.Charts ?? 0;
        Assert.Equal(expectedCharts, visit.Charts.Sum(c => c.Expected));
        foreach (var chart in visit.Charts)
        {
            Assert.True(chart.Plots.Length >= chart.Expected, $"{file}: a chart output expected {chart.Expected} plot(s), Plotly drew {chart.Plots.Length}");
            foreach (var plot in chart.Plots)
            {
                Assert.True(plot.Svgs > 0, $"{file}: chart {plot.Id} has no SVG");
                Assert.True(plot.Traces > 0, $"{file}: chart {plot.Id} has no data traces");
                Assert.True(plot.Marks > 0, $"{file}: chart {plot.Id} drew nothing inside its plot area");
            }
        }
        if (file != "index.html") Assert.True(expectedCharts > 0, $"{file}: the lesson pages tested here all have charts");
        if (expectedCharts > 0)
            Assert.Contains(visit.Requests, u => u == site.Server.BaseUrl + PlotlyBundle.FileName);

        Assert.Equal(page?.Images ?? 0, visit.Images.Length);
        Assert.All(visit.Images, image => Assert.True(image.Complete && image.NaturalWidth > 0, $"{file}: image {image.Src}… did not load"));
    }

    [Fact]
    public async Task Index_lists_every_lesson_with_its_title_and_accuracy()
    {
        await using var visit = await site.VisitAsync(site.Server.BaseUrl + "index.html");
        var page = visit.Page;

        var listed = await page.Locator("ol.lessons > li.lesson").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.lesson)");
        Assert.Equal(site.Results.Notebooks.Select(n => n.Lesson), listed);
        Assert.Equal([.. SiteFixture.Lessons, SyntheticNotebook.Lesson], listed);

        foreach (var lesson in site.Summary.Pages)
        {
            var item = page.Locator($"li.lesson[data-lesson=\"{lesson.Lesson}\"]");
            var link = item.Locator("a.lesson-title");
            Assert.Equal(lesson.Lesson + ".html", await link.GetAttributeAsync("href"));
            Assert.Equal(lesson.Title, (await link.InnerTextAsync()).Trim());
        }
        Assert.StartsWith("Lesson 1", site.Summary.Pages[0].Title);
        Assert.StartsWith("Lesson 2", site.Summary.Pages[1].Title);
        Assert.Equal(SyntheticNotebook.Title, site.Summary.Pages[2].Title);

        // Lesson 2 reports Chollet's convnet; its measured accuracy is on its line and in the reproduction table.
        Assert.Contains(site.Results.Tutorials, t => t.Tutorial == "chollet");
        foreach (var tutorial in site.Results.Tutorials)
        {
            var accuracy = tutorial.TestAccuracy.ToString("0.0000", CultureInfo.InvariantCulture);
            var owner = site.Summary.Pages.Single(p => p.Tutorials.Any(t => t.Tutorial == tutorial.Tutorial));
            Assert.Equal("02-keras-convnet", owner.Lesson);
            var line = await page.Locator($"li.lesson[data-lesson=\"{owner.Lesson}\"] .accuracy[data-tutorial=\"{tutorial.Tutorial}\"]").InnerTextAsync();
            Assert.Contains(accuracy, line);
            Assert.Contains(tutorial.PublishedAccuracy.ToString("0.0000", CultureInfo.InvariantCulture), line);
            var row = page.Locator($"table.results tr[data-tutorial=\"{tutorial.Tutorial}\"]");
            Assert.Equal(accuracy, (await row.Locator("td.measured").InnerTextAsync()).Trim());
            Assert.Equal("short run", (await row.Locator("td.verdict").InnerTextAsync()).Trim());
        }
        Assert.True(await page.Locator(".note.quick").IsVisibleAsync(), "the index must say that the figures come from a quick run");
    }

    [Fact]
    public async Task Synthetic_page_shows_every_kind_of_output_as_jupyter_does()
    {
        await using var visit = await site.VisitAsync(site.Server.BaseUrl + SyntheticNotebook.Lesson + ".html");
        var page = visit.Page;

        var stdout = await page.Locator(".output.stream.stdout pre").InnerTextAsync();
        Assert.Equal("step 10/10 [==========] done", stdout.Trim()); // '\r' rewrote the line, across two stream chunks
        Assert.Contains("a warning on stderr", await page.Locator(".output.stream.stderr pre").InnerTextAsync());

        var error = await page.Locator(".output.error pre").InnerTextAsync();
        Assert.Contains("System.InvalidOperationException: boom", error);
        Assert.Contains("at Submission#5 (cell 5, line 1)", error);
        Assert.DoesNotContain("[0;31m", error);
        Assert.DoesNotContain('\u001b', error);

        var image = Assert.Single(visit.Images);
        Assert.Equal(24, image.NaturalWidth);
        Assert.Equal("2", (await page.Locator(".output.text pre").InnerTextAsync()).Trim());
        Assert.Contains("Out [4]:", await page.Locator(".output.text .prompt.out").InnerTextAsync());

        Assert.Equal(2, await page.Locator(".cell.markdown table").CountAsync()); // the pipe table and the HTML table
        Assert.Equal("1135", (await page.Locator(".cell.markdown table").First.Locator("tbody tr:nth-child(2) td:nth-child(2)").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator(".cell.markdown table.raw-html").CountAsync());
        Assert.True(await page.Locator(".cell.markdown pre.code .keyword").CountAsync() > 0, "fenced C# in markdown is highlighted");
        Assert.True(await page.Locator(".cell.markdown pre.code .comment").CountAsync() > 0, "comments in fenced C# are highlighted");
        Assert.Equal(1, await page.Locator("a[href=\"02-keras-convnet.html#setup\"]").CountAsync()); // links to lessons go to their pages
        Assert.True(await page.Locator(".cell.code pre.code code.language-csharp").CountAsync() >= 5);

        var chart = Assert.Single(visit.Charts);
        Assert.Equal(SyntheticNotebook.ChartId, Assert.Single(chart.Plots).Id);
    }

    [Fact]
    public async Task Lesson_pages_highlight_code_and_number_cells()
    {
        await using var visit = await site.VisitAsync(site.Server.BaseUrl + "02-keras-convnet.html");
        var page = visit.Page;
        Assert.True(await page.Locator(".cell.code pre.code code.language-csharp .keyword").CountAsync() > 20);
        Assert.True(await page.Locator(".cell.code pre.code .string").CountAsync() > 0);
        Assert.Equal("In [1]:", (await page.Locator(".cell.code .prompt.in").First.InnerTextAsync()).Trim());
        Assert.True(await page.Locator(".tag", new PageLocatorOptions { HasText = "parameters injected for this run" }).CountAsync() == 1);
        // Keras-style progress collapses: no stream output keeps an intermediate "ETA" state of a finished epoch.
        var streams = await page.Locator(".output.stream pre").AllInnerTextsAsync();
        // Lesson 2 fits twice in quick mode (the lesson's Fit, then Fit beside the explicit loop): both collapse.
        var fits = streams.Where(s => s.Contains("Epoch 1/1", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(fits);
        Assert.All(fits, fit => Assert.DoesNotContain("ETA", fit));
        Assert.Matches(@"(?m)^\d+/\d+ \[=+\] - ", fits[0]);
    }

    [Fact]
    public async Task Pages_work_when_opened_as_files()
    {
        foreach (var file in new[] { "index.html", "01-convolution-by-hand.html" })
        {
            await using var visit = await site.VisitAsync(new Uri(Path.Combine(site.SiteDir, file)).AbsoluteUri);
            Assert.True(visit.WaitProblem is null, $"file://{file}: {visit.WaitProblem}");
            Assert.True(visit.ConsoleErrors.Count + visit.PageErrors.Count == 0, $"file://{file}:\n{string.Join('\n', visit.ConsoleErrors.Concat(visit.PageErrors))}");
            Assert.All(visit.Requests, u => Assert.True(u.StartsWith("file:", StringComparison.Ordinal) || u.StartsWith("data:", StringComparison.Ordinal), u));
            Assert.All(visit.Charts.SelectMany(c => c.Plots), p => Assert.True(p.Svgs > 0 && p.Traces > 0, $"file://{file}: chart {p.Id} not drawn"));
            Assert.Equal(site.Summary.Pages.SingleOrDefault(p => p.File == file)?.Charts ?? 0, visit.Charts.Sum(c => c.Plots.Length));
        }
    }

    [Fact]
    public void Plotly_js_is_stored_once_and_no_page_carries_it_inline_or_fetches_it_from_a_cdn()
    {
        var files = Directory.GetFiles(site.SiteDir).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(["01-convolution-by-hand.html", "02-keras-convnet.html", SyntheticNotebook.Lesson + ".html", "charts.js", "index.html", PlotlyBundle.FileName, "site.css"], files);
        var plotly = File.ReadAllText(Path.Combine(site.SiteDir, PlotlyBundle.FileName));
        Assert.Contains("plotly.js v", plotly[..2000]);
        Assert.Equal(site.Summary.PlotlyVersion, PlotlyBundle.VersionOf(plotly));
        foreach (var html in files.Where(f => f!.EndsWith(".html")))
        {
            var text = File.ReadAllText(Path.Combine(site.SiteDir, html!));
            Assert.DoesNotContain(PlotlyJsMarkers.Begin, text);
            Assert.DoesNotContain("plotly.js v", text);
            Assert.DoesNotContain("cdn.", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(@"<script[^>]+src=[""']?(https?:)?//", text);
            Assert.DoesNotMatch(@"<link[^>]+href=[""']?(https?:)?//", text);
            var hasCharts = site.Summary.Pages.SingleOrDefault(p => p.File == html)?.Charts > 0;
            Assert.Equal(hasCharts ? 1 : 0, System.Text.RegularExpressions.Regex.Matches(text, $"<script src=\"{PlotlyBundle.FileName}\" defer></script>").Count);
        }
    }
}
