using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace MnistCourse.Site.Tests.Support;

/// <summary>
/// Once per test class: executes lessons 01 and 02 in quick mode with the real runner (into a temporary artifacts
/// folder, never the repository's), adds a synthetic executed notebook, writes results.json as `./course run` does,
/// builds the site, serves it on 127.0.0.1 and starts Debian's Chromium through Playwright.
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public static readonly string[] ChromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"];
    public static readonly string[] Lessons = ["01-convolution-by-hand", "02-keras-convnet"];

    private readonly TempFolder _work = new();
    private IPlaywright? _playwright;



    public string Artifacts => _work.File("artifacts");
    public string SiteDir => Path.Combine(Artifacts, "site");
    public SiteSummary Summary { get; private set; } = null!;
    public ResultsFile Results { get; private set; } = null!;
    public JsonObject ResultsJson { get; private set; } = null!;
    public StaticServer Server { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Every page of the site: index.html first, then the lesson pages in order.</summary>
    public IReadOnlyList<string> PageFiles => ["index.html", .. Summary.Pages.Where(p => p.File is not null).Select(p => p.File!)];

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} not found: the site's browser test needs Debian's Chromium. Install it with: ./course setup --for-tests (or: sudo apt-get install -y chromium fonts-dejavu-core)");

        Directory.CreateDirectory(Path.Combine(Artifacts, "results"));
        var runs = WriteExecutedNotebooks();

        var tutorials = new JsonArray();
        foreach (var file in Directory.GetFiles(Path.Combine(Artifacts, "results"), "*.jsonl").Order())
            foreach (var line in File.ReadAllLines(file).Where(l => l.Trim().Length > 0))
            {
                var tutorial = JsonNode.Parse(line)!;
                tutorial["notebook"] = $"notebooks/{Path.GetFileNameWithoutExtension(file)}.ipynb"; // as ./course run records which lesson reported it
                tutorials.Add(tutorial);
            }
        ResultsJson = new JsonObject { ["generated_utc"] = DateTime.UtcNow.ToString("O"), ["quick"] = true, ["tutorials"] = tutorials, ["notebooks"] = runs };
        File.WriteAllText(Path.Combine(Artifacts, "results.json"), ResultsJson.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Results = ResultsFile.Load(Path.Combine(Artifacts, "results.json"));

        Summary = CourseSite.Build(Artifacts, SiteDir);
        Server = new StaticServer(SiteDir);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>Writes the executed notebooks into <see cref="Artifacts"/> and returns their runs as results.json lists them.</summary>
    protected virtual JsonArray WriteExecutedNotebooks()
    {
        var runs = new JsonArray();
        foreach (var lesson in Lessons) runs.Add(RunLesson(lesson));
        runs.Add(WriteNotebook(SyntheticNotebook.Lesson, SyntheticNotebook.Build()));
        return runs;
    }

    /// <summary>Writes <paramref name="notebook"/> as an executed lesson's copy and returns its run.</summary>
    protected JsonObject WriteNotebook(string lesson, JsonObject notebook)
    {
        File.WriteAllText(Path.Combine(Artifacts, lesson + ".ipynb"), notebook.ToJsonString());
        return new JsonObject
        {
            ["notebook"] = $"tests/{lesson}.ipynb", ["executed"] = $"artifacts/{lesson}.ipynb",
            ["passed"] = true, ["exit_code"] = 0, ["seconds"] = 0.0,
        };
    }

    private JsonObject RunLesson(string lesson)
    {
        RepoPaths.AssertLibraryBuilt();
        var run = ProcessRun.Run("dotnet",
            [RepoPaths.InTestOutput("MnistCourse.Runner.dll"), "run", RepoPaths.Lesson(lesson), "--out", Path.Combine(Artifacts, lesson + ".ipynb"), "--quick",
             .. CourseLessons.ScratchModelArguments(lesson, _work.Path)],
            TimeSpan.FromMinutes(5), new Dictionary<string, string?> { ["MNISTCOURSE_RESULTS"] = Path.Combine(Artifacts, "results", lesson + ".jsonl") });
        Assert.True(run.ExitCode == 0, $"{lesson} failed in quick mode (exit {run.ExitCode}):\n{run.Stderr}\n{run.Stdout}");
        return new JsonObject
        {
            ["notebook"] = $"notebooks/{lesson}.ipynb", ["executed"] = $"artifacts/{lesson}.ipynb",
            ["passed"] = true, ["exit_code"] = 0, ["seconds"] = Math.Round(run.Elapsed.TotalSeconds, 1),
        };
    }

    /// <summary>Opens <paramref name="url"/> in a fresh browser context and waits until its charts are drawn and its images loaded.</summary>
    public async Task<PageVisit> VisitAsync(string url)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var visit = new PageVisit(context, await context.NewPageAsync());
        var page = visit.Page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") visit.ConsoleErrors.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => visit.PageErrors.Add(error);
        page.Dialog += async (_, dialog) =>
        {
            visit.Dialogs.Add($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        page.RequestFailed += (_, request) => visit.FailedRequests.Add($"{request.Url}: {request.Failure}");
        await context.RouteAsync("**/*", async route =>
        {
            var target = route.Request.Url;
            visit.Requests.Add(target);
            if (target.StartsWith(Server.BaseUrl, StringComparison.Ordinal) || target.StartsWith("file:", StringComparison.Ordinal) || target.StartsWith("data:", StringComparison.Ordinal))
                await route.ContinueAsync();
            else
                await route.AbortAsync(); // nothing may leave the machine; the test asserts no such request was made
        });

        var response = await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        visit.Status = response?.Status;
        try
        {
            await page.WaitForFunctionAsync(
                "() => [...document.querySelectorAll('.chart-output')].every(c => c.querySelectorAll('.js-plotly-plot .main-svg').length >= Number(c.dataset.charts))",
                null, new PageWaitForFunctionOptions { Timeout = 45_000, PollingInterval = 200 });
            await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)", null, new PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        catch (TimeoutException e)
        {
            visit.WaitProblem = e.Message;
        }
        visit.Charts = FromJs<ChartOutput[]>(await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.chart-output')].map(c => ({
              expected: Number(c.dataset.charts),
              plots: [...c.querySelectorAll('.js-plotly-plot')].map(p => ({
                id: p.id,
                traces: (p._fullData || []).length,
                svgs: p.querySelectorAll('svg.main-svg').length,
                marks: p.querySelectorAll('svg.main-svg .plot path, svg.main-svg .plot image, svg.main-svg .plot rect, svg.main-svg .plot text').length
              }))
            }))
            """));
        visit.Images = FromJs<ImageState[]>(await page.EvaluateAsync<JsonElement>(
            "() => [...document.images].map(i => ({ src: i.src.slice(0, 48), complete: i.complete, naturalWidth: i.naturalWidth }))"));
        return visit;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static T FromJs<T>(JsonElement value) => value.Deserialize<T>(Web)!;

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Server?.Dispose();
        _work.Dispose();
    }
}

public sealed record PlotState(string Id, int Traces, int Svgs, int Marks);

public sealed record ChartOutput(int Expected, PlotState[] Plots);

public sealed record ImageState(string Src, bool Complete, int NaturalWidth);

public sealed class PageVisit(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;
    public int? Status { get; set; }
    public List<string> ConsoleErrors { get; } = [];
    public List<string> PageErrors { get; } = [];
    public List<string> FailedRequests { get; } = [];
    public List<string> Requests { get; } = [];
    public List<string> Dialogs { get; } = [];
    public string? WaitProblem { get; set; }
    public ChartOutput[] Charts { get; set; } = [];
    public ImageState[] Images { get; set; } = [];

    public ValueTask DisposeAsync() => new(context.CloseAsync());
}
