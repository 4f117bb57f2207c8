using System.Diagnostics;
using System.Text.Json.Nodes;
using MnistCourse.Notebooks.Tests.Support;

namespace MnistCourse.Notebooks.Tests.Lessons;

/// <summary>
/// Every lesson of notebooks/ executed headless in quick mode, as `./course run --quick` does: every cell runs,
/// the executed copy is valid nbformat with outputs, and the training lessons report their accuracy.
/// </summary>
public class LessonQuickRunTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MnistCourse.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }

    [Theory]
    [InlineData("01-convolution-by-hand", new string[0])]
    [InlineData("02-keras-convnet", new[] { "chollet" })]
    [InlineData("03-feature-maps", new string[0])]
    [InlineData("04-lenet", new[] { "lenet-tanh", "lenet-relu" })]
    [InlineData("05-dropout-convnet", new[] { "dropout" })]
    public void Lesson_runs_top_to_bottom_in_quick_mode(string lesson, string[] reportedTutorials)
    {
        var root = RepoRoot();
        Assert.True(File.Exists(Path.Combine(root, "lib", "bin", "MnistCourse.dll")), "lib/bin/MnistCourse.dll is missing: build the solution first (./course test does).");
        using var temp = new TempFolder();
        var executed = temp.File(lesson + ".ipynb");
        var results = temp.File("results.jsonl");

        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = root };
        foreach (var a in new[] { RunnerProcess.RunnerDll, "run", Path.Combine(root, "notebooks", lesson + ".ipynb"), "--out", executed, "--quick" })
            psi.ArgumentList.Add(a);
        if (lesson is "02-keras-convnet" or "03-feature-maps")
        {   // never touch the model a learner's full run saved in artifacts/
            psi.ArgumentList.Add("--set");
            psi.ArgumentList.Add("weightsPath=" + temp.File("chollet.weights"));
        }
        psi.Environment["MNISTCOURSE_RESULTS"] = results;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(4)), $"{lesson} did not finish in 4 minutes");
        Assert.True(p.ExitCode == 0, $"{lesson} failed (exit {p.ExitCode}):\n{stderr.Result}\n{stdout.Result}");

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
