using System.Text.Json.Nodes;
using MnistCourse.Export.Tests.Support;

namespace MnistCourse.Export.Tests;

/// <summary>
/// A small notebook (framework only, so it builds fast) exported and run with `dotnet run`: the command line
/// (--quick, --set, --help, mistakes), the display helpers (text, display/Update, HTML, PNG), a redeclared variable,
/// a type declared in a cell, and a failing cell.
/// </summary>
[Trait("Speed", "Slow")] // builds and runs apps with `dotnet run`
public class SmallAppRunTests
{
    /// <summary>A fixed folder, so that `dotnet run` rebuilds only what changed from one test run to the next.</summary>
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "mnistcourse-export-tests", "tiny");

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static async Task<ExportedApp> ExportTiny()
    {
        Directory.CreateDirectory(Folder);
        var app = await new NotebookBuilder()
            .Markdown("# A tiny lesson\nIt counts.")
            .Parameters("int count = 3;\nstring name = \"world\";\ndouble rate = 0.5;\nbool fail = false;")
            .Code("var total = 0;\nfor (int i = 0; i < count; i++) total += i;\nConsole.WriteLine($\"hello {name}, rate {rate}, total {total}\");")
            .Code("var total = \"done\";\ntotal")
            .Code("var shown = display(\"first\");\nshown.Update(\"second\");\nHTML(\"<p>hi</p>\")")
            .Code("new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0 }")
            .Code("record Pair(int A, int B);\nnew Pair(1, 2)")
            .Code("if (fail) throw new InvalidOperationException(\"asked to fail\");")
            .Code("Console.WriteLine(\"Tiny result: \" + (total == \"done\"));")
            .Quick(new JsonObject { ["count"] = 1 })
            .ExportAsync(Path.Combine(Folder, "tiny.ipynb"), Path.Combine(Folder, "apps", "tiny.cs"));
        app.Write();
        return app;
    }

    [Fact]
    public async Task The_exported_app_runs_with_the_command_line_and_writes_what_the_notebook_displays()
    {
        var app = await ExportTiny();

        var run = app.DotnetRun(Folder, ["--quick", "--set", "name=Ada", "--set=rate=0.25"], Timeout);
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("hello Ada, rate 0.25, total 0", lines); // --quick: count = 1
        Assert.Contains("done", lines);
        Assert.Equal(1, lines.IndexOf("second") - lines.IndexOf("first")); // display, then Update prints the new value
        Assert.Contains("Pair { A = 1, B = 2 }", lines);
        Assert.Contains("Tiny result: True", lines);

        var html = lines.Single(l => l.StartsWith("[html] ", StringComparison.Ordinal))["[html] ".Length..];
        Assert.Contains("<p>hi</p>", File.ReadAllText(Path.Combine(Folder, html)));
        var png = lines.Single(l => l.StartsWith("[image] ", StringComparison.Ordinal))["[image] ".Length..];
        Assert.EndsWith(".png", png);
        Assert.Equal(0x89, File.ReadAllBytes(Path.Combine(Folder, png))[0]);
        Assert.StartsWith(Path.Combine(app.OutputFolder, "cell-"), Path.GetFullPath(Path.Combine(Folder, png)));
    }

    [Fact]
    public async Task Mistakes_on_the_command_line_and_a_failing_cell_end_the_app_with_a_clear_message()
    {
        var app = await ExportTiny();

        var unknown = app.DotnetRun(Folder, ["--set", "nope=1"], Timeout);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("tiny: unknown parameter 'nope'; the parameters are: count, name, rate, fail", unknown.Stderr);

        var wrongType = app.DotnetRun(Folder, ["--set", "count=many"], Timeout);
        Assert.Equal(2, wrongType.ExitCode);
        Assert.Contains("parameter 'count' is declared as int; 'many' is not a value of that type", wrongType.Stderr);

        var help = app.DotnetRun(Folder, ["--help"], Timeout);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--quick             a short run: count=1", help.Stdout);
        Assert.Contains("int count = 3", help.Stdout);

        var failing = app.DotnetRun(Folder, ["--set", "fail=true"], Timeout);
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("tiny: cell 8 failed: System.InvalidOperationException: asked to fail", failing.Stderr);
    }
}
