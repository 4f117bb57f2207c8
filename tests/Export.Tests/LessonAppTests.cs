using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MnistCourse.Export.Tests.Support;

namespace MnistCourse.Export.Tests;

/// <summary>Every lesson of notebooks/, exported once for the tests (to a folder outside the course's artifacts/).</summary>
public sealed class ExportedLessons : IAsyncLifetime
{
    public string Root { get; } = FindRoot();

    /// <summary>A fixed folder, so that `dotnet run` rebuilds only what changed from one test run to the next.</summary>
    public string AppsFolder { get; } = Path.Combine(Path.GetTempPath(), "mnistcourse-export-tests", "lessons");

    /// <summary>Lessons 2 and 3 save and load the model here, never in the learner's artifacts/models.</summary>
    public string WeightsPath => Path.Combine(AppsFolder, "chollet.weights");

    public Dictionary<string, ExportedApp> Apps { get; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(AppsFolder);
        foreach (var notebook in Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal))
        {
            var app = await LessonExporter.ExportAsync(notebook, new ExportOptions { AppPath = LessonExporter.AppPathFor(notebook, AppsFolder), DisplayRoot = Root });
            app.Write();
            Apps[app.Lesson] = app;
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MnistCourse.sln"))) return dir.FullName;
        throw new InvalidOperationException("the course folder (with MnistCourse.sln) was not found above the test's output");
    }
}

/// <summary>
/// Each lesson exported as a file-based app and run in quick mode, as a learner without the notebook extension would:
/// `dotnet run &lt;lesson&gt;.cs -- --quick`. It exits 0, prints the lesson's result, and writes its charts as offline pages.
/// </summary>
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
            Assert.Contains("\n#:include " + Path.GetRelativePath(lessons.AppsFolder, Path.Combine(lessons.Root, "lib", "bin", "MnistCourse.dll")) + "\n", app.Text);
            Assert.Contains("NotebookOutput.Show(Course.Setup(seed: 0));", app.Text);
            foreach (var parameter in app.Parameters)
                Assert.Contains($"NotebookParameters.Set(\"{parameter.Name}\", ref {parameter.Name});", app.Text);
        }
        var lesson1 = lessons.Apps["01-convolution-by-hand"];
        Assert.Contains("XPlot.Plotly@4.1.0", lesson1.Packages);
        Assert.True(lesson1.Text.IndexOf("\nusing XPlot.Plotly;\n", StringComparison.Ordinal) < lesson1.Text.IndexOf("NotebookParameters.Read(args);", StringComparison.Ordinal),
            "lesson 1's `using XPlot.Plotly;` (cell 26) goes to the top of the file");
    }

    [Theory]
    [InlineData("01-convolution-by-hand", "Lesson 1 result: scipy's convolve2d example of seed 004 reproduced exactly", new string[0])]
    [InlineData("02-keras-convnet", "Keras-style convnet: test accuracy", new[] { "chollet" })]
    [InlineData("03-feature-maps", "Lesson 3 result: the network (test accuracy", new string[0])]
    [InlineData("04-lenet", "LeNet (relu): test accuracy", new[] { "lenet-tanh", "lenet-relu" })]
    [InlineData("05-dropout-convnet", "Convnet with dropout: test accuracy", new[] { "dropout" })]
    public void The_lesson_runs_as_a_program_in_quick_mode(string lesson, string result, string[] reportedTutorials)
    {
        Assert.True(File.Exists(Path.Combine(lessons.Root, "lib", "bin", "MnistCourse.dll")), "lib/bin/MnistCourse.dll is missing: build the solution first (./course test does).");
        var app = lessons.Apps[lesson];
        var args = new List<string> { "--quick" };
        if (app.Parameters.Any(p => p.Name == "weightsPath")) args.AddRange(["--set", "weightsPath=" + lessons.WeightsPath]);
        var results = Path.Combine(lessons.AppsFolder, lesson + ".results.jsonl");
        File.Delete(results);

        var run = AppProcess.Run(app.AppPath, lessons.Root, args, TimeSpan.FromMinutes(5), new Dictionary<string, string> { ["MNISTCOURSE_RESULTS"] = results });

        Assert.True(run.ExitCode == 0, $"{lesson} failed: {run}");
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains(lines, l => l.StartsWith("TorchSharp 0.107.0 · libtorch", StringComparison.Ordinal)); // cell 3's result: Course.Setup
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
