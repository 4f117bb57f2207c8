using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MnistCourse.Export.Tests.Support;
using MnistCourse.NotebookFormat;

namespace MnistCourse.Export.Tests;

/// <summary>Every lesson of notebooks/, exported once for the tests (to a folder outside the course's artifacts/).</summary>
public sealed class ExportedLessons : IAsyncLifetime
{
    public string Root => RepoPaths.Root;

    /// <summary>A fixed folder, so that `dotnet run` rebuilds only what changed from one test run to the next.</summary>
    public string AppsFolder { get; } = Path.Combine(Path.GetTempPath(), "mnistcourse-export-tests", "lessons");

    public Dictionary<string, ExportedApp> Apps { get; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(AppsFolder);
        foreach (var notebook in Directory.GetFiles(RepoPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal))
        {
            var app = await LessonExporter.ExportAsync(notebook, LessonExporter.AppPathFor(notebook, AppsFolder), Root);
            app.Write();
            Apps[app.Lesson] = app;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>
/// Each lesson exported as a file-based app and run in quick mode, as a learner without the notebook extension would:
/// `dotnet run &lt;lesson&gt;.cs -- --quick`. It exits 0, prints the lesson's result, and writes its charts as offline pages.
/// </summary>
[Trait("Speed", "Slow")] // builds and runs the exported lessons: they train
public class LessonAppTests(ExportedLessons lessons) : IClassFixture<ExportedLessons>
{
    [Fact]
    public void Every_lesson_is_exported_with_its_pinned_packages_and_parameters()
    {
        Assert.Equal(["01-convolution-by-hand", "02-keras-convnet", "03-feature-maps", "04-lenet", "05-dropout-convnet"], lessons.Apps.Keys.Order(StringComparer.Ordinal));
        foreach (var app in lessons.Apps.Values)
        {
            Assert.Empty(app.Warnings);
            Assert.Contains("TorchSharp-cpu@0.107.0", app.Packages);
            Assert.Contains("Plotly.NET@6.0.0", app.Packages);
            Assert.DoesNotContain(app.Packages, p => p.Contains("Interactive", StringComparison.Ordinal));
            Assert.Contains("\n#:include " + Path.GetRelativePath(lessons.AppsFolder, RepoPaths.LibraryDll) + "\n", app.Text);
            Assert.Contains("NotebookOutput.Show(Course.Setup(seed: 0));", app.Text);
            foreach (var parameter in app.Parameters)
                Assert.Contains($"NotebookParameters.Set(\"{parameter.Name}\", ref {parameter.Name});", app.Text);
        }
        var lesson1 = lessons.Apps["01-convolution-by-hand"];
        Assert.Contains("XPlot.Plotly@4.1.0", lesson1.Packages);
        const string xplotAlias = "using XPlotly = XPlot.Plotly;";   // an alias: XPlot's names would clash with Plotly.NET's
        var xplotCell = Notebook.Load(lesson1.NotebookPath).Cells.ToList().FindIndex(c => c.Source.Contains(xplotAlias, StringComparison.Ordinal)) + 1;
        Assert.True(xplotCell > 0, $"lesson 1 has no cell with `{xplotAlias}`");
        var aliasAt = lesson1.Text.IndexOf("\n" + xplotAlias, StringComparison.Ordinal);
        Assert.True(aliasAt >= 0 && aliasAt < lesson1.Text.IndexOf("NotebookParameters.Read(args);", StringComparison.Ordinal),
            $"lesson 1's `{xplotAlias}` (cell {xplotCell}) goes to the top of the file");
    }

    /// <summary>A line each lesson's quick run prints with its result.</summary>
    private static readonly Dictionary<string, string> ResultLines = new()
    {
        ["01-convolution-by-hand"] = "Lesson 1 result: scipy's convolve2d example of tutorial 004 reproduced exactly",
        ["02-keras-convnet"] = "Keras-style convnet: test accuracy",
        ["03-feature-maps"] = "Lesson 3 result: the network (test accuracy",
        ["04-lenet"] = "LeNet-5 (relu): test accuracy",
        ["05-dropout-convnet"] = "Convnet with dropout: test accuracy",
    };

    public static TheoryData<string, string, string[]> LessonsWithResults()
    {
        var data = new TheoryData<string, string, string[]>();
        foreach (var (lesson, tutorials) in CourseLessons.All) data.Add(lesson, ResultLines[lesson], tutorials);
        return data;
    }

    [Theory]
    [MemberData(nameof(LessonsWithResults))]
    public void The_lesson_runs_as_a_program_in_quick_mode(string lesson, string result, string[] reportedTutorials)
    {
        RepoPaths.AssertLibraryBuilt();
        var app = lessons.Apps[lesson];
        string[] args = ["--quick", .. CourseLessons.ScratchModelArguments(lesson, lessons.AppsFolder)];
        var results = Path.Combine(lessons.AppsFolder, lesson + ".results.jsonl");
        File.Delete(results);

        var run = app.DotnetRun(lessons.Root, args, TimeSpan.FromMinutes(5), new Dictionary<string, string?> { ["MNISTCOURSE_RESULTS"] = results });

        Assert.True(run.ExitCode == 0, $"{lesson} failed: {run}");
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.StartsWith("TorchSharp 0.107.0 · seed 0 · ", StringComparison.Ordinal)); // cell 3's result: Course.Setup
        Assert.Contains(lines, l => l.Contains(result, StringComparison.Ordinal));

        var charts = lines.Select(l => Regex.Match(l, @"^\[chart\] (.+)$")).Where(m => m.Success).Select(m => Path.GetFullPath(m.Groups[1].Value, lessons.Root)).ToList();
        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            Assert.StartsWith(app.OutputFolder + Path.DirectorySeparatorChar, chart);
            var html = File.ReadAllText(chart);
            Assert.Contains("plotly.js v", html); // plotly.js embedded: opens offline
            Assert.Contains("Plotly.newPlot", html);
            Assert.Matches("\"type\":\\s*\"(heatmap|scatter|bar)\"", html); // the chart's own data
        }

        var reported = File.Exists(results) ? File.ReadAllLines(results).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!).ToList() : [];
        Assert.Equal(reportedTutorials, reported.Select(r => (string?)r["tutorial"]));
        foreach (var r in reported) Assert.InRange(r["test_accuracy"]!.GetValue<double>(), 0.5, 1.0); // a short run still learns
    }
}
