using System.Text.Json.Nodes;
using MnistCourse.NotebookFormat;
using MnistCourse.NotebookEngine.Running;
using MnistCourse.NotebookEngine.Tests.Support;

namespace MnistCourse.NotebookEngine.Tests;

/// <summary>The whole-notebook runner, in process.</summary>
[Trait("Speed", "Slow")]
public class NotebookRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static NotebookRunner Runner(double saveSeconds = 10) =>
        new(new NotebookRunOptions { EchoConsole = false, SaveInterval = TimeSpan.FromSeconds(saveSeconds) });

    [Fact]
    public async Task Output_of_a_running_cell_is_already_in_the_file()
    {
        var notebook = Notebook.Parse(new NotebookBuilder()
            .Code("Console.WriteLine($\"epoch {1} done\");\nawait Task.Delay(4000);\nConsole.WriteLine($\"epoch {2} done\");")
            .Json(), "long.ipynb");
        var output = _folder.File("long.out.ipynb");

        var run = Runner(saveSeconds: 0.2).RunAsync(notebook, _folder.Path, output);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(File.Exists(output) && File.ReadAllText(output).Contains("epoch 1 done")) && DateTime.UtcNow < deadline)
            await Task.Delay(50);

        Assert.False(run.IsCompleted, "the cell should still be running");
        Assert.DoesNotContain("epoch 2 done", File.ReadAllText(output));
        var result = await run;
        Assert.Equal(NotebookRunStatus.Succeeded, result.Status);
        Assert.Contains("epoch 2 done", File.ReadAllText(output));
    }

    [Fact]
    public async Task A_line_redrawn_with_carriage_returns_keeps_its_final_state_in_the_file()
    {
        var notebook = Notebook.Parse(new NotebookBuilder()
            .Code("Console.WriteLine(\"Epoch 1/1\");\nfor (int i = 1; i <= 3; i++) Console.Write($\"\\rstep {i}/3\");\nConsole.WriteLine(\"\\rstep 3/3 done\");")
            .Json(), "progress.ipynb");
        var output = _folder.File("progress.out.ipynb");

        Assert.Equal(NotebookRunStatus.Succeeded, (await Runner().RunAsync(notebook, _folder.Path, output)).Status);

        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(output))!["cells"]!;
        var text = string.Concat(((JsonArray)cells[0]!["outputs"]![0]!["text"]!).Select(l => (string?)l));
        Assert.Equal("Epoch 1/1\nstep 3/3 done\n", text);
    }

    [Fact]
    public async Task A_cell_in_another_language_fails_naming_the_language()
    {
        var json = JsonNode.Parse(new NotebookBuilder().Code("let x = 1").Code("Console.WriteLine(2);").Json())!;
        json["cells"]![0]!["metadata"]!["polyglot_notebook"] = new JsonObject { ["kernelName"] = "fsharp" };
        var notebook = Notebook.Parse(json.ToJsonString(), "mixed.ipynb");
        var output = _folder.File("mixed.out.ipynb");

        var result = await Runner().RunAsync(notebook, _folder.Path, output);

        Assert.Equal(NotebookRunStatus.CellFailed, result.Status);
        Assert.Equal(1, result.FailedCell);
        Assert.Contains("'fsharp'", result.Error!.EValue);
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(output))!["cells"]!;
        Assert.Equal("error", (string?)cells[0]!["outputs"]![0]!["output_type"]);
        Assert.Empty((JsonArray)cells[1]!["outputs"]!);
    }

    [Fact]
    public async Task Display_updates_replace_the_earlier_output_in_the_file()
    {
        var notebook = Notebook.Parse(new NotebookBuilder()
            .Code("var progress = display(\"epoch 0\");")
            .Code("for (var i = 1; i <= 3; i++) progress.Update($\"epoch {i}\");")
            .Json(), "progress.ipynb");
        var output = _folder.File("progress.out.ipynb");

        var result = await Runner().RunAsync(notebook, _folder.Path, output);

        Assert.True(result.Status == NotebookRunStatus.Succeeded, result.Error?.ToString());
        NbformatValidator.AssertValid(output);
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(output))!["cells"]!;
        var display = cells[0]!["outputs"]![0]!;
        Assert.Equal("display_data", (string?)display["output_type"]);
        Assert.Equal("epoch 3", string.Concat(((JsonArray)display["data"]!["text/plain"]!).Select(l => (string?)l)));
        Assert.Empty((JsonArray)cells[1]!["outputs"]!);
    }
}
