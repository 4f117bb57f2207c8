using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MnistCourse.NotebookEngine.Execution;
using MnistCourse.NotebookEngine.Tests.Support;

namespace MnistCourse.NotebookEngine.Tests;

public class CSharpSessionTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly CSharpSession _session;

    public CSharpSessionTests() => _session = new CSharpSession(_folder.Path, "test.ipynb");

    public void Dispose()
    {
        _session.Dispose();
        _folder.Dispose();
    }

    private async Task<(CellOutcome Outcome, RecordingObserver Observer)> Run(string code, string cellName = "cell 1")
    {
        var observer = new RecordingObserver();
        var outcome = await _session.ExecuteAsync(code, cellName, observer);
        return (outcome, observer);
    }

    private static string Plain(RecordingObserver observer) => Assert.Single(observer.Of<DisplayData>("execute_result")).Data["text/plain"];

    [Fact]
    public async Task Variables_carry_over_between_cells()
    {
        Assert.True((await Run("var count = 40;")).Outcome.Succeeded);
        var (outcome, observer) = await Run("count + 2");
        Assert.True(outcome.Succeeded);
        Assert.Equal("42", Plain(observer));
    }

    [Fact]
    public async Task A_type_declared_in_one_cell_is_usable_in_the_next()
    {
        await Run("record Digit(int Label, float Confidence);\nclass Counter { public int N; public void Add() => N++; }");
        var (outcome, observer) = await Run("var c = new Counter(); c.Add(); c.Add();\nnew Digit(7, 0.5f).Label * 10 + c.N");
        Assert.True(outcome.Succeeded, outcome.Error?.ToString());
        Assert.Equal("72", Plain(observer));
    }

    [Fact]
    public async Task Usings_carry_over_between_cells()
    {
        await Run("using System.Text.RegularExpressions;");
        var (_, observer) = await Run("Regex.IsMatch(\"abc\", \"b\")");
        Assert.Equal("True", Plain(observer));
    }

    [Fact]
    public async Task Last_expression_without_semicolon_is_the_result_and_with_semicolon_there_is_none()
    {
        var (_, withResult) = await Run("\"hello\" + \" world\"");
        Assert.Equal("hello world", Plain(withResult));
        var (_, withoutResult) = await Run("\"hello\";");
        Assert.Empty(withoutResult.Of<DisplayData>("execute_result"));
        var (_, voidCall) = await Run("Console.Write(\"\")");
        Assert.Empty(voidCall.Of<DisplayData>("execute_result"));
    }

    [Fact]
    public async Task Objects_get_html_and_plain_text_and_null_is_shown()
    {
        var (_, row) = await Run("new { Epoch = 3, Accuracy = 0.97 }");
        var data = Assert.Single(row.Of<DisplayData>("execute_result")).Data;
        Assert.Contains("<table", data["text/html"]);
        Assert.Contains("Accuracy: 0.97", data["text/plain"]);
        var (_, nothing) = await Run("(string?)null");
        Assert.Equal("<null>", Plain(nothing));
    }

    [Fact]
    public async Task Console_output_is_captured_as_stdout_and_stderr_streams()
    {
        var (_, observer) = await Run("Console.WriteLine(\"epoch 1\");\nConsole.Error.WriteLine(\"careful\");\nawait Task.Run(() => Console.WriteLine(\"from a task\"));");
        Assert.Equal("epoch 1\nfrom a task\n", observer.Stdout);
        Assert.Equal("careful\n", observer.Stderr);
    }

    [Fact]
    public async Task Console_output_arrives_while_the_cell_is_still_running()
    {
        var observer = new RecordingObserver();
        var running = _session.ExecuteAsync("Console.WriteLine(\"started\");\nawait Task.Delay(3000);", "cell 1", observer);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (observer.Stdout != "started\n" && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal("started\n", observer.Stdout);
        Assert.False(running.IsCompleted);
        Assert.True((await running).Succeeded);
    }

    [Fact]
    public async Task Display_then_update_reuses_the_display_id()
    {
        var (outcome, observer) = await Run("var handle = display(\"epoch 1\");\nhandle.Update(\"epoch 2\");\n42.Display();");
        Assert.True(outcome.Succeeded, outcome.Error?.ToString());
        var displays = observer.Of<DisplayData>("display_data").ToList();
        var update = Assert.Single(observer.Of<DisplayData>("update_display_data"));
        Assert.Equal(2, displays.Count);
        Assert.NotNull(displays[0].DisplayId);
        Assert.Equal(displays[0].DisplayId, update.DisplayId);
        Assert.Equal("epoch 1", displays[0].Data["text/plain"]);
        Assert.Equal("epoch 2", update.Data["text/plain"]);
        Assert.Equal("42", displays[1].Data["text/plain"]);

        // A later cell can update an earlier cell's display.
        var (_, later) = await Run("handle.Update(\"epoch 3\");");
        Assert.Equal(displays[0].DisplayId, Assert.Single(later.Of<DisplayData>("update_display_data")).DisplayId);
    }

    [Fact]
    public async Task HTML_is_text_html_and_png_bytes_are_an_image()
    {
        var (_, html) = await Run("HTML(\"<b>bold</b>\")");
        var data = Assert.Single(html.Of<DisplayData>("execute_result")).Data;
        Assert.Equal("<b>bold</b>", data["text/html"]);

        var (_, image) = await Run("display(new byte[] { 137, 80, 78, 71 }, \"image/png\");");
        var png = Assert.Single(image.Of<DisplayData>("display_data")).Data;
        Assert.Equal(["image/png"], png.Keys);
        Assert.Equal(Convert.ToBase64String(new byte[] { 137, 80, 78, 71 }), png["image/png"]);
    }

    [Fact]
    public async Task Compile_errors_name_the_cell_and_line()
    {
        var (outcome, observer) = await Run("var ok = 1;\n\nvar bad = notDeclared + 1;", "cell 7");
        Assert.False(outcome.Succeeded);
        var error = Assert.Single(observer.Of<ExecutionError>("error"));
        Assert.Equal("CompilationError", error.EName);
        Assert.Contains("cell 7, line 3", error.EValue);
        Assert.Contains("CS0103", error.EValue);
        Assert.Contains(error.Traceback, l => l.Contains("var bad = notDeclared + 1;"));
    }

    [Fact]
    public async Task Exceptions_name_the_cell_and_line_and_keep_earlier_state()
    {
        await Run("int Divide(int a, int b) => a / b;", "cell 2");
        var (outcome, observer) = await Run("var before = 5;\nvar zero = 0;\nConsole.WriteLine(Divide(before, zero));", "cell 3");
        Assert.False(outcome.Succeeded);
        var error = Assert.Single(observer.Of<ExecutionError>("error"));
        Assert.Equal("System.DivideByZeroException", error.EName);
        Assert.Contains(error.Traceback, l => l.Contains("Divide() in cell 2, line 1"));
        Assert.Contains(error.Traceback, l => l.Contains("cell 3, line 3") && l.Contains("Console.WriteLine(Divide(before, zero));"));
        var (_, after) = await Run("before");
        Assert.Equal("5", Plain(after));
    }

    [Fact]
    public async Task Cells_in_other_languages_are_rejected_naming_the_language()
    {
        var (outcome, observer) = await Run("#!fsharp\nlet x = 1", "cell 4");
        Assert.False(outcome.Succeeded);
        Assert.Contains("'fsharp'", Assert.Single(observer.Of<ExecutionError>("error")).EValue);
        var (csharp, _) = await Run("#!csharp\nvar fine = 1;");
        Assert.True(csharp.Succeeded);
    }

    [Fact]
    public async Task Time_magic_reports_wall_time()
    {
        var (outcome, observer) = await Run("#!time\nvar x = 1;");
        Assert.True(outcome.Succeeded);
        Assert.StartsWith("Wall time: ", observer.Stdout);
    }

    [Fact]
    public async Task Relative_dll_reference_resolves_against_the_notebook_folder()
    {
        var libs = Directory.CreateDirectory(Path.Combine(_folder.Path, "libs")).FullName;
        CompileLibrary(Path.Combine(libs, "TinyGreeter.dll"),
            "namespace Tiny { public static class Greeter { public static string Hello(string name) => \"Hello, \" + name; } }");
        var (outcome, observer) = await Run("#r \"libs/TinyGreeter.dll\"\nTiny.Greeter.Hello(\"MNIST\")");
        Assert.True(outcome.Succeeded, outcome.Error?.ToString());
        Assert.Equal("Hello, MNIST", Plain(observer));
    }

    [Fact]
    [Trait("Speed", "Slow")] // dotnet restore, NuGet on first use
    public async Task NuGet_package_is_restored_and_usable()
    {
        var (outcome, observer) = await Run("#r \"nuget: Newtonsoft.Json, 13.0.1\"\nusing Newtonsoft.Json;\nJsonConvert.SerializeObject(new { Epochs = 3 })");
        Assert.True(outcome.Succeeded, outcome.Error?.ToString());
        Assert.Equal("{\"Epochs\":3}", Plain(observer));
        Assert.Contains(_session.Packages, p => p.Id == "Newtonsoft.Json");
        var (next, nextObserver) = await Run("JsonConvert.DeserializeObject<int[]>(\"[1,2]\").Length");
        Assert.True(next.Succeeded, next.Error?.ToString());
        Assert.Equal("2", Plain(nextObserver));
    }

    [Fact]
    [Trait("Speed", "Slow")] // dotnet restore asks NuGet
    public async Task Unknown_package_gives_an_error_naming_package_version_and_source()
    {
        var (outcome, observer) = await Run("#r \"nuget: MnistCourse.Does.Not.Exist, 9.9.9\"\n1", "cell 2");
        Assert.False(outcome.Succeeded);
        var error = Assert.Single(observer.Of<ExecutionError>("error"));
        Assert.Equal("NuGetRestoreError", error.EName);
        Assert.Contains("MnistCourse.Does.Not.Exist 9.9.9", error.EValue);
        Assert.Contains("NU1101", error.EValue);
        Assert.Contains("source", error.EValue);
        // The session is still usable afterwards.
        Assert.True((await Run("var stillFine = 1;")).Outcome.Succeeded);
    }

    private static void CompileLibrary(string path, string code)
    {
        var runtime = RuntimeEnvironment.GetRuntimeDirectory();
        var compilation = CSharpCompilation.Create(
            Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(code)],
            [
                MetadataReference.CreateFromFile(typeof(object).Assembly.Location),
                MetadataReference.CreateFromFile(Path.Combine(runtime, "System.Runtime.dll")),
            ],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public async Task Library_code_shows_a_mime_bundle_in_the_running_cell_through_CellDisplay_and_gets_false_outside_a_cell()
    {
        // A check's line and its record, shown by library code that knows no engine (here: from a task it starts, as a
        // check's time-limited judge does): one display_data with both types, and TryShow says it was shown.
        var contracts = typeof(CellDisplay).Assembly.Location;
        var (outcome, observer) = await Run($$"""
            #r "{{contracts}}"
            var shown = await Task.Run(() => MnistCourse.Contracts.CellDisplay.TryShow(new Dictionary<string, string>
                { ["text/plain"] = "✓ right", ["application/vnd.mnistcourse.check+json"] = "{\"status\":\"solved\"}" }));
            Console.WriteLine(shown);
            """);
        Assert.True(outcome.Succeeded, outcome.Error?.ToString());
        var display = Assert.Single(observer.Of<DisplayData>("display_data"));
        Assert.Equal("✓ right", display.Data["text/plain"]);
        Assert.Equal("{\"status\":\"solved\"}", display.Data["application/vnd.mnistcourse.check+json"]);
        Assert.Equal("True\n", observer.Stdout.Replace("\r\n", "\n"));
        Assert.False(CellDisplay.TryShow(new Dictionary<string, string> { ["text/plain"] = "not from a cell" }));
    }
}
