using System.Text.Json.Nodes;
using MnistCourse.NotebookEngine.Tests.Support;

namespace MnistCourse.NotebookEngine.Tests.Lessons;

/// <summary>
/// Every lesson of notebooks/ executed headless in quick mode, as `./course run --quick` does: every cell runs,
/// the executed copy is valid nbformat with outputs, and the training lessons report their accuracy.
/// </summary>
[Trait("Speed", "Slow")]
public class LessonQuickRunTests
{
    [Theory]
    [MemberData(nameof(CourseLessons.WithReportedTutorials), MemberType = typeof(CourseLessons))]
    public void Lesson_runs_top_to_bottom_in_quick_mode(string lesson, string[] reportedTutorials)
    {
        RepoPaths.AssertLibraryBuilt();
        using var temp = new TempFolder();
        var executed = temp.File(lesson + ".ipynb");
        var results = temp.File("results.jsonl");

        var run = RunnerProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(4), new Dictionary<string, string?> { ["MNISTCOURSE_RESULTS"] = results },
            ["run", RepoPaths.Lesson(lesson), "--out", executed, "--quick", .. CourseLessons.ScratchModelArguments(lesson, temp.Path)]);
        Assert.True(run.ExitCode == 0, $"{lesson} failed (exit {run.ExitCode}):\n{run.Stderr}\n{run.Stdout}");

        NbformatValidator.AssertValid(executed);
        var nb = JsonNode.Parse(File.ReadAllText(executed))!;
        var code = nb["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code").ToList();
        Assert.All(code, c => Assert.NotNull(c!["execution_count"]?.GetValue<int?>()));
        Assert.Contains(code, c => c!["outputs"]!.AsArray().Any(o => o!["data"]?["text/html"] is not null)); // a chart or table
        Assert.DoesNotContain(code, c => c!["outputs"]!.AsArray().Any(o => (string?)o!["output_type"] == "error"));

        var reported = File.Exists(results) ? File.ReadAllLines(results).Select(l => (string?)JsonNode.Parse(l)!["tutorial"]).ToArray() : [];
        Assert.Equal(reportedTutorials, reported);
        foreach (var line in File.Exists(results) ? File.ReadAllLines(results) : [])
            Assert.InRange(JsonNode.Parse(line)!["test_accuracy"]!.GetValue<double>(), 0.5, 1.0); // a short run still learns
    }
}
