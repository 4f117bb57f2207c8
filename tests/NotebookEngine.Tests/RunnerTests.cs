using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MnistCourse.NotebookEngine.Tests.Support;

namespace MnistCourse.NotebookEngine.Tests;

/// <summary>End to end: the real runner exe on notebooks written to temp folders.</summary>
[Trait("Speed", "Slow")]
public class RunnerTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static JsonArray Cells(string path) => (JsonArray)JsonNode.Parse(File.ReadAllText(path))!["cells"]!;

    private static JsonArray Outputs(JsonNode cell) => (JsonArray)cell["outputs"]!;

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };

    private static string OutputText(JsonNode cell, string outputType, string field = "text") =>
        string.Concat(Outputs(cell).Where(o => (string?)o!["output_type"] == outputType).Select(o => Text(o![field])));

    [Fact]
    public void Runs_a_notebook_and_writes_a_valid_executed_copy()
    {
        var notebook = new NotebookBuilder()
            .Markdown("# Lesson")
            .Code("int epochs = 3;", "parameters")
            .Code("#!markdown\nSome *markdown* in a code cell")
            .Code("class Trainer { public int Run(int n) { for (var i = 1; i <= n; i++) Console.WriteLine($\"epoch {i}\"); return n; } }")
            .Code("var trainer = new Trainer();\ntrainer.Run(epochs)")
            .Code("HTML(\"<i>done</i>\")")
            .WriteTo(_folder.File("lesson.ipynb"));
        var output = _folder.File("out/lesson.ipynb");

        var result = RunnerProcess.Run(_folder.Path, "run", notebook, "--out", output);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("[lesson.ipynb] cell 5/6", result.Stderr);
        Assert.Contains("epoch 3", result.Stdout); // console output is forwarded live
        NbformatValidator.AssertValid(output);
        var cells = Cells(output);
        Assert.Equal([null, 1, null, 2, 3, 4], cells.Select(c => (int?)c!["execution_count"]));
        Assert.Equal("epoch 1\nepoch 2\nepoch 3\n", OutputText(cells[4]!, "stream"));
        var result4 = Outputs(cells[4]!).Single(o => (string?)o!["output_type"] == "execute_result")!;
        Assert.Equal("3", Text(result4["data"]!["text/plain"]));
        Assert.Equal(3, (int?)result4["execution_count"]);
        Assert.Equal("<i>done</i>", Text(cells[5]!["outputs"]![0]!["data"]!["text/html"]));
    }

    [Fact]
    public void A_failing_cell_holds_the_error_later_cells_are_not_run_and_the_exit_code_is_1()
    {
        var notebook = new NotebookBuilder()
            .Code("Console.WriteLine(\"first\");")
            .Code("var data = new int[2];\nvar x = data[5];")
            .Code("Console.WriteLine(\"never\");")
            .WriteTo(_folder.File("failing.ipynb"));
        var output = _folder.File("failing.out.ipynb");

        var result = RunnerProcess.Run(_folder.Path, "run", notebook, "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cell 2 failed", result.Stderr);
        NbformatValidator.AssertValid(output);
        var cells = Cells(output);
        Assert.Equal("first\n", OutputText(cells[0]!, "stream"));
        var error = Outputs(cells[1]!).Single()!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Equal("System.IndexOutOfRangeException", (string?)error["ename"]);
        Assert.False(string.IsNullOrEmpty((string?)error["evalue"]));
        Assert.Contains(((JsonArray)error["traceback"]!).Select(l => (string?)l), l => l!.Contains("cell 2, line 2"));
        Assert.Empty(Outputs(cells[2]!));
        Assert.Null((int?)cells[2]!["execution_count"]);
    }

    [Fact]
    public void A_cell_past_the_timeout_ends_the_run_with_a_timeout_error_in_the_file()
    {
        var notebook = new NotebookBuilder()
            .Code("Console.WriteLine(\"before\");")
            .Code("Console.WriteLine(\"sleeping\");\nSystem.Threading.Thread.Sleep(120_000);")
            .Code("Console.WriteLine(\"never\");")
            .WriteTo(_folder.File("slow.ipynb"));
        var output = _folder.File("slow.out.ipynb");

        var started = DateTime.UtcNow;
        // 20 s, not less: on a busy 2-core machine compiling the cell alone can take several seconds.
        var result = RunnerProcess.Run(_folder.Path, "run", notebook, "--out", output, "--cell-timeout", "20");

        Assert.NotEqual(0, result.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(100), "the runner waited for the sleeping cell");
        NbformatValidator.AssertValid(output);
        var cells = Cells(output);
        Assert.Equal("sleeping\n", OutputText(cells[1]!, "stream"));
        Assert.Contains("cell 2 timed out after 20 s", OutputText(cells[1]!, "error", "evalue"));
        Assert.Empty(Outputs(cells[2]!));
    }

    [Fact]
    public void Malformed_notebook_exits_2_naming_the_file()
    {
        var path = _folder.File("broken.ipynb");
        File.WriteAllText(path, "{ \"cells\": [ ");
        var result = RunnerProcess.Run(_folder.Path, "run", path, "--out", _folder.File("x.ipynb"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(path, result.Stderr);
        Assert.Contains("not valid JSON", result.Stderr);
        Assert.False(File.Exists(_folder.File("x.ipynb")));

        var missing = RunnerProcess.Run(_folder.Path, "run", _folder.File("nope.ipynb"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("nope.ipynb", missing.Stderr);
    }

    [Fact]
    public void Bad_command_lines_exit_2_with_a_message()
    {
        var notebook = new NotebookBuilder().Code("1").WriteTo(_folder.File("n.ipynb"));
        var unknownOption = RunnerProcess.Run(_folder.Path, "run", notebook, "--fast");
        Assert.Equal(2, unknownOption.ExitCode);
        Assert.Contains("Unrecognized command or argument '--fast'", unknownOption.Stderr);
        Assert.Contains("See: MnistCourse.Runner run --help", unknownOption.Stderr);
        var badSet = RunnerProcess.Run(_folder.Path, "run", "--set", "epochs", notebook);
        Assert.Equal(2, badSet.ExitCode);
        Assert.Contains("--set expects name=value, got 'epochs'", badSet.Stderr);
        var noOut = RunnerProcess.Run(_folder.Path, "inject", notebook);
        Assert.Equal(2, noOut.ExitCode);
        Assert.Contains("--out", noOut.Stderr);
        var help = RunnerProcess.Run(_folder.Path, "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("inject <NOTEBOOK>", help.Stdout);
        var runHelp = RunnerProcess.Run(_folder.Path, "run", "--help");
        Assert.Equal(0, runHelp.ExitCode);
        Assert.Contains("--cell-timeout <SECONDS>", runHelp.Stdout);
    }

    [Fact]
    public void Parameters_from_quick_metadata_and_set_are_injected_and_used()
    {
        var notebook = new NotebookBuilder()
            .Code("int epochs = 10;\nstring label = \"full\";\ndouble rate = 0.1;", "parameters")
            .Code("Console.WriteLine($\"{epochs} {label} {rate}\");")
            .Metadata("mnistcourse", new JsonObject { ["quick"] = new JsonObject { ["epochs"] = 1, ["label"] = "quick run" } })
            .WriteTo(_folder.File("params.ipynb"));
        var output = _folder.File("params.out.ipynb");

        var result = RunnerProcess.Run(_folder.Path, "run", "--quick", "--set", "rate=0.5", notebook, "--out", output); // options on either side of NOTEBOOK

        Assert.True(result.ExitCode == 0, result.Stderr);
        NbformatValidator.AssertValid(output);
        var cells = Cells(output);
        Assert.Equal(3, cells.Count);
        Assert.Contains("injected-parameters", ((JsonArray)cells[1]!["metadata"]!["tags"]!).Select(t => (string?)t));
        Assert.Equal("1 quick run 0.5\n", OutputText(cells[2]!, "stream"));
    }

    [Fact]
    public void Unknown_parameter_exits_2_listing_the_known_ones()
    {
        var notebook = new NotebookBuilder().Code("int epochs = 10;", "parameters").WriteTo(_folder.File("p.ipynb"));
        var result = RunnerProcess.Run(_folder.Path, "run", notebook, "--out", _folder.File("p.out.ipynb"), "--set", "epoch=1");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown parameter 'epoch'", result.Stderr);
        Assert.Contains("int epochs", result.Stderr);
    }

    [Fact]
    public void Inject_only_writes_the_parameters_cell_without_running()
    {
        var notebook = new NotebookBuilder()
            .Code("int epochs = 10;", "parameters")
            .Code("throw new Exception(\"must not run\");")
            .WriteTo(_folder.File("inject.ipynb"));
        var output = _folder.File("inject.out.ipynb");
        var result = RunnerProcess.Run(_folder.Path, "inject", notebook, "--out", output, "--set", "epochs=2");
        Assert.True(result.ExitCode == 0, result.Stderr);
        NbformatValidator.AssertValid(output);
        var cells = Cells(output);
        Assert.Equal(3, cells.Count);
        Assert.Contains("int epochs = 2;", Text(cells[1]!["source"]));
        Assert.All(cells, c => Assert.Empty(Outputs(c!)));
    }

    [Fact]
    public void Default_output_goes_under_the_repo_artifacts_folder_and_cells_run_in_the_notebook_folder()
    {
        File.WriteAllText(_folder.File("MnistCourse.sln"), "");
        Directory.CreateDirectory(_folder.File("notebooks"));
        File.WriteAllText(_folder.File("notebooks/data.txt"), "42");
        var notebook = new NotebookBuilder().Code("File.ReadAllText(\"data.txt\")").WriteTo(_folder.File("notebooks/lesson.ipynb"));

        var result = RunnerProcess.Run(_folder.Path, "run", notebook);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var output = _folder.File("artifacts/lesson.ipynb");   // named after its path under notebooks/ (CoursePaths.ExecutedCopy)
        Assert.True(File.Exists(output), result.Stderr);
        Assert.Equal("42", Text(Cells(output)[0]!["outputs"]![0]!["data"]!["text/plain"]));
    }

    [Fact]
    public void Plotly_chart_renders_offline_with_plotly_js_inlined_once()
    {
        // Plotly.NET's F# optional arguments are not optional from C#: pass null (F# None) for each of them.
        var notebook = new NotebookBuilder()
            .Code("#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\nusing Plotly.NET;")
            .Code("""
                  GenericChart Line(int[] x, int[] y)
                  {
                      var method = typeof(Chart2D_Scatter.Chart).GetMethods()
                          .First(m => m.Name == "Line" && m.GetGenericArguments().Length == 3 && !m.GetParameters()[0].ParameterType.GetGenericArguments()[0].IsGenericType)
                          .MakeGenericMethod(typeof(int), typeof(int), typeof(string));
                      var args = new object[method.GetParameters().Length];
                      args[0] = x; args[1] = y;
                      return (GenericChart)method.Invoke(null, args);
                  }
                  Line(new[] { 1, 2, 3 }, new[] { 314159, 271828, 141421 })
                  """)
            .Code("var typed = Chart2D_Scatter.Chart.Line<int, int, string>(new[] { 4, 5 }, new[] { 161803, 57721 }, " + string.Join(", ", Enumerable.Repeat("null", 30)) + ");\ntyped")
            .WriteTo(_folder.File("chart.ipynb"));
        var output = _folder.File("chart.out.ipynb");

        var result = RunnerProcess.Run(_folder.Path, "run", notebook, "--out", output);

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        NbformatValidator.AssertValid(output);
        var cells = Cells(output);
        Assert.Equal("", OutputText(cells[0]!, "stream")); // the substituted Polyglot extension loads without a word: setup cells print one line
        var first = Text(Outputs(cells[1]!).Single()!["data"]!["text/html"]);
        var second = Text(Outputs(cells[2]!).Single()!["data"]!["text/html"]);
        Assert.Contains("314159", first);
        Assert.Contains("161803", second);
        Assert.Contains("window.Plotly", second);

        var file = File.ReadAllText(output);
        Assert.Single(Regex.Matches(file, Regex.Escape("<!-- mnistcourse:plotly.js -->")));
        Assert.Contains("plotly.js v2.28.0", first);
        Assert.DoesNotContain("plotly.js v2", second);
        // Outside the inlined library (whose own defaults mention a CDN for map data), nothing refers to a CDN.
        var withoutLibrary = Regex.Replace(file, "<!-- mnistcourse:plotly.js -->.*?<!-- /mnistcourse:plotly.js -->", "", RegexOptions.Singleline);
        Assert.DoesNotContain("cdn", withoutLibrary, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"<script[^>]*src=", file);
    }
}
