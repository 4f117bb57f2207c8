using System.Text.Json.Nodes;
using MnistCourse.Kernel.Tests.Support;

namespace MnistCourse.Kernel.Tests.Lessons;

/// <summary>
/// Every lesson in quick mode through the kernel, executed by nbclient (what `jupyter nbconvert --execute` and
/// papermill use) with the kernel installed as a kernelspec: the notebooks keep their Polyglot metadata and nbclient is
/// told to use "mnistcourse-csharp" instead. Parameters are injected by the runner's `inject`, as for papermill.
/// The same lessons through the headless runner are tested in NotebookEngine.Tests (LessonQuickRunTests).
/// </summary>
[Trait("Speed", "Slow")] // Jupyter's client runs whole lessons
public class LessonsThroughKernelTests(JupyterHome jupyter) : IClassFixture<JupyterHome>
{
    private const int CellTimeoutSeconds = 300;

    [Theory]
    [MemberData(nameof(CourseLessons.WithReportedTutorials), MemberType = typeof(CourseLessons))]
    public void Lesson_runs_in_quick_mode_through_the_kernel_with_nbclient(string lesson, string[] reportedTutorials)
    {
        JupyterClient.EnsureAvailable();
        RepoPaths.AssertLibraryBuilt();
        using var temp = new TempFolder();
        var injected = temp.File(lesson + ".injected.ipynb");
        var executed = temp.File(lesson + ".ipynb");
        var results = temp.File("results.jsonl");

        var runner = RepoPaths.BuiltTool("Runner", "MnistCourse.Runner.dll");
        string[] inject = [runner, "inject", RepoPaths.Lesson(lesson), "--out", injected, "--quick", .. CourseLessons.ScratchModelArguments(lesson, temp.Path)];
        var injection = ProcessRun.Run("dotnet", inject, TimeSpan.FromMinutes(2));
        Assert.True(injection.ExitCode == 0, $"inject failed\n{injection.Both}");

        var run = JupyterClient.RunScript("run_notebook.py",
            [injected, executed, RepoPaths.Notebooks, JupyterHome.KernelName, CellTimeoutSeconds.ToString()],
            jupyter, TimeSpan.FromMinutes(8), new Dictionary<string, string?> { ["MNISTCOURSE_RESULTS"] = results });
        Assert.True(run.ExitCode == 0, $"{lesson} failed through the kernel (exit {run.ExitCode})\n{run.Both}");

        var notebook = JsonNode.Parse(File.ReadAllText(executed))!;
        Assert.Equal(".net-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]); // the notebook's metadata is left as Polyglot wrote it
        var code = notebook["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        Assert.All(code, c => Assert.NotNull(c!["execution_count"]?.GetValue<int?>()));
        var outputs = code.SelectMany(c => c!["outputs"]!.AsArray()).ToList();
        Assert.DoesNotContain(outputs, o => (string?)o!["output_type"] == "error");
        Assert.Contains(outputs, o => (string?)o!["output_type"] == "stream");
        Assert.Contains(outputs, o => (string?)o!["output_type"] == "execute_result");
        Assert.Contains(outputs, o => o!["data"]?["text/html"] is not null && Text(o["data"]!["text/html"]).Contains("mnistcourse:plotly.js"));
        if (code.Any(c => Text(c!["source"]).Contains("display(")))
            Assert.Contains(outputs, o => (string?)o!["output_type"] == "display_data" && o["data"]?["text/html"] is not null);

        var reported = File.Exists(results) ? File.ReadAllLines(results).Where(l => l.Length > 0).ToArray() : [];
        Assert.Equal(reportedTutorials, reported.Select(l => (string?)JsonNode.Parse(l)!["tutorial"]).ToArray());
        foreach (var line in reported)
            Assert.InRange(JsonNode.Parse(line)!["test_accuracy"]!.GetValue<double>(), 0.5, 1.0); // a short run still learns
        if (reportedTutorials.Length > 0) // the training lessons print their accuracy, too
            Assert.Contains(outputs, o => (Text(o!["text"]) + Text(o["data"]?["text/plain"])).Contains("test accuracy", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>nbformat multiline text: a string or a list of lines.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };
}
