using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MnistCourse.Export.Tests.Support;
using MnistCourse.NotebookFormat;

namespace MnistCourse.Export.Tests;

/// <summary>
/// What the export does to a notebook's cells so they hold together as one program, checked on small notebooks:
/// the generated text, and that it compiles (in memory, with the framework only).
/// </summary>
public class TransformationTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<ExportedApp> Export(NotebookBuilder notebook, string name = "lesson") =>
        notebook.ExportAsync(_temp.File(name + ".ipynb"), _temp.File(Path.Combine("apps", name + ".cs")));

    /// <summary>The app's statements for one cell: from its "── cell N" line to the next blank line.</summary>
    private static string Cell(ExportedApp app, int number)
    {
        var match = Regex.Match(app.Text, $@"// ── cell {number}( ·[^\n]*)? ─+\n(?<body>.*?)\n\n", RegexOptions.Singleline);
        Assert.True(match.Success, $"no cell {number} in:\n{app.Text}");
        return match.Groups["body"].Value;
    }

    [Fact]
    public async Task Every_app_ends_with_the_template_files_verbatim_and_compiles()
    {
        var app = await Export(new NotebookBuilder().Code("int epochs = 2;", "parameters").Code("display(epochs);"));
        var templates = Path.Combine(RepoPaths.Root, "lib", "MnistCourse.Export", "AppTemplate");
        // The template's three files, and the runner's parameter rules, which every app shares with ./course run --set.
        var files = Directory.GetFiles(templates, "*.cs")
            .Append(Path.Combine(RepoPaths.Root, "lib", "MnistCourse.NotebookEngine", "Running", "ParameterText.cs")).ToArray();
        Assert.Equal(4, files.Length);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file).Replace("\r\n", "\n");
            var body = text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];   // without the template's own header
            Assert.Contains(body, app.Text);
        }
        AppCompiler.AssertCompiles(app.Text);
        Assert.DoesNotContain("cdn.plot.ly", app.Text); // offline: plotly.js only from an embedded copy
    }

    [Fact]
    public async Task A_variable_redeclared_with_the_same_type_becomes_an_assignment()
    {
        var app = await Export(new NotebookBuilder()
            .Code("var total = 1;\nFunc<int> read = () => total;")
            .Code("var total = 2;\nConsole.WriteLine(total + read());"));

        Assert.Contains("var total = 1;", Cell(app, 1));
        var second = Cell(app, 2);
        Assert.Contains("\ntotal = 2;", second);
        Assert.DoesNotContain("var total = 2", second);
        Assert.Contains("// export: total is declared again with the same type (int): an assignment here", second);
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task A_variable_redeclared_with_another_type_is_renamed_where_that_declaration_is_used()
    {
        var app = await Export(new NotebookBuilder()
            .Code("var x = 41;\nint Next() => x + 1;")
            .Code("var x = \"forty-two\";\nConsole.WriteLine(x.Length);")
            .Code("Console.WriteLine(x.ToUpper() + Next());")
            .Code("x"));

        Assert.Contains("var x = 41;\nint Next() => x + 1;", Cell(app, 1)); // the earlier function keeps the earlier x, as in the notebook
        Assert.Contains("var x_2 = \"forty-two\";\nConsole.WriteLine(x_2.Length);", Cell(app, 2));
        Assert.Contains("Console.WriteLine(x_2.ToUpper() + Next());", Cell(app, 3));
        Assert.Contains("NotebookOutput.Show(x_2);", Cell(app, 4));
        Assert.Contains("x is declared again here as string: it is x_2 from here on", app.Text);
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task Deconstructions_and_several_declarators_become_assignments_too()
    {
        var app = await Export(new NotebookBuilder()
            .Code("var (a, b) = (1, \"one\");\nint c = 3, d;")
            .Code("var (a, b) = (2, \"two\");\nint c = 4, d;\nConsole.WriteLine($\"{a} {b} {c} {d}\");"));

        Assert.Contains("int c = 3, d = default;", Cell(app, 1)); // a script's variable starts at its default value
        var second = Cell(app, 2);
        Assert.Contains("(a, b) = (2, \"two\");", second);
        Assert.Contains("c = 4; d = default;", second);
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task Types_move_after_the_statements_and_a_type_declared_again_is_renamed()
    {
        var app = await Export(new NotebookBuilder()
            .Code("// a point on the grid\nrecord Point(int X, int Y);\nvar p = new Point(1, 2);\np")
            .Code("record Empty;\nnew Empty()")
            .Code("enum Shade { Light, Dark }\nclass Point { public int X = 7; }\nvar q = new Point();\nConsole.WriteLine(q.X + p.X + (int)Shade.Dark);"));

        var first = Cell(app, 1);
        Assert.Contains("// record Point: declared after the lesson's statements, at the end of this file", first);
        Assert.Contains("var p = new Point(1, 2);", first);
        Assert.Contains("// record Empty: declared after the lesson's statements, at the end of this file\nNotebookOutput.Show(new Empty());", Cell(app, 2));
        var second = app.Text[app.Text.IndexOf("// ── cell 3", StringComparison.Ordinal)..];
        Assert.Contains("var q = new Point_2();", second);

        var types = app.Text.IndexOf("// ── types the lesson's cells declare", StringComparison.Ordinal);
        Assert.True(types > app.Text.IndexOf("var q = new Point_2();", StringComparison.Ordinal), "types come after every statement");
        var typeSection = app.Text[types..];
        Assert.Contains("// from cell 1\n// a point on the grid\nrecord Point(int X, int Y);", typeSection);
        Assert.Contains("class Point_2 { public int X = 7; }", typeSection);
        Assert.Contains("enum Shade { Light, Dark }", typeSection);
        Assert.Contains("// from cell 2\nrecord Empty;\n\n", typeSection);
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task A_nested_local_that_a_later_cell_declares_at_the_top_is_renamed_but_lambdas_may_shadow()
    {
        var app = await Export(new NotebookBuilder()
            .Code("for (int i = 0; i < 2; i++) Console.WriteLine(i);\nvar squares = Enumerable.Range(0, 3).Select(i => i * i).ToArray();")
            .Code("var i = 10;\nConsole.WriteLine(i + squares.Sum());"));

        var first = Cell(app, 1);
        Assert.Contains("for (int i_2 = 0; i_2 < 2; i_2++) Console.WriteLine(i_2);", first);
        Assert.Contains("Select(i => i * i)", first);
        Assert.Contains("var i = 10;", Cell(app, 2));
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task Cell_methods_become_local_functions_and_usings_go_to_the_top()
    {
        var app = await Export(new NotebookBuilder()
            .Code("public static int Twice(int n) => 2 * n;\nConsole.WriteLine(Twice(21));")
            .Code("using System.Text.RegularExpressions;\nConsole.WriteLine(Regex.IsMatch(\"abc\", \"b\"));"));

        Assert.Contains("static int Twice(int n) => 2 * n;", Cell(app, 1));
        Assert.DoesNotContain("public static int Twice", app.Text);
        var usingLine = app.Text.IndexOf("using System.Text.RegularExpressions;", StringComparison.Ordinal);
        Assert.True(usingLine >= 0 && usingLine < app.Text.IndexOf("NotebookParameters.Read(args);", StringComparison.Ordinal), "usings come before every statement");
        Assert.StartsWith("Console.WriteLine(Regex.IsMatch", Cell(app, 2).Split('\n')[1]);
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task Names_the_generated_code_uses_are_left_to_it()
    {
        var app = await Export(new NotebookBuilder()
            .Code("var args = new[] { \"mine\" };\nclass NotebookOutput { }\nConsole.WriteLine(args[0] + new NotebookOutput());"));

        var cell = Cell(app, 1);
        Assert.Contains("var args_2 = new[] { \"mine\" };", cell);
        Assert.Contains("Console.WriteLine(args_2[0] + new NotebookOutput_2());", cell);
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task A_trailing_expression_is_shown_and_a_statement_is_not()
    {
        var app = await Export(new NotebookBuilder()
            .Code("var answer = 42;\nanswer * 2")
            .Code("Console.WriteLine(answer)")
            .Code("_ = answer + 1;")
            .Code("display(answer).Update(43);\nHTML(\"<b>bold</b>\")"));

        Assert.EndsWith("NotebookOutput.Show(answer * 2);", Cell(app, 1));
        Assert.EndsWith("Console.WriteLine(answer);", Cell(app, 2)); // void: no result, only the missing ';'
        Assert.DoesNotContain("Show", Cell(app, 3));
        Assert.Contains("display(answer).Update(43);\nNotebookOutput.Show(HTML(\"<b>bold</b>\"));", Cell(app, 4));
        Assert.Contains("using static NotebookDisplay;", app.Text);
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task Markdown_becomes_comments_and_each_code_cell_is_marked()
    {
        var app = await Export(new NotebookBuilder()
            .Markdown("# Lesson 9 — Counting\n\nWe count *slowly*.\n")
            .Code("Console.WriteLine(1);"));

        Assert.Contains("\n// # Lesson 9 — Counting\n//\n// We count *slowly*.\n", app.Text);
        Assert.Matches(@"\n// ── cell 2 ─+\nNotebookOutput\.Cell\(2\);\nConsole\.WriteLine\(1\);\n", app.Text);
        Assert.StartsWith("#!/usr/bin/env dotnet\n// lesson: the lesson lesson.ipynb as a .NET 10 file-based app.\n// GENERATED by `./course export`", app.Text);
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task The_parameters_cell_is_followed_by_the_command_line_overrides()
    {
        var app = await Export(new NotebookBuilder()
            .Parameters("const int epochs = 5;   // the tutorial's\nstring path = \"../out/model.bin\";\nvar rate = 0.5;")
            .Code("Console.WriteLine($\"{epochs} {path} {rate}\");")
            .Quick(new JsonObject { ["epochs"] = 1, ["rate"] = 0.25 }));

        var cell = Cell(app, 1);
        Assert.Contains("int epochs = 5;   // the tutorial's", cell); // const dropped: the command line sets it
        Assert.DoesNotContain("const", cell);
        Assert.Contains("if (NotebookParameters.Quick)\n{\n    epochs = 1;\n    rate = 0.25d;\n}", app.Text);
        Assert.Contains("NotebookParameters.Set(\"epochs\", ref epochs);\nNotebookParameters.Set(\"path\", ref path);\nNotebookParameters.Set(\"rate\", ref rate);", app.Text);
        Assert.Contains("-- --quick          a short run: epochs=1, rate=0.25", app.Text);
        Assert.Equal(["epochs", "path", "rate"], app.Parameters.Select(p => p.Name));
        AppCompiler.AssertCompiles(app.Text);
    }

    [Fact]
    public async Task Packages_are_pinned_kernel_extensions_dropped_and_assemblies_included_relative_to_the_app()
    {
        var app = await Export(new NotebookBuilder()
            .Code("#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\n#r \"nuget: XPlot.Plotly.Interactive, 4.1.0\"\n#r \"../lib/bin/Some.dll\"\nusing System.Text;\n1 + 1"));

        Assert.Contains("\n#:property ManagePackageVersionsCentrally=false\n#:package Plotly.NET@6.0.0\n#:package XPlot.Plotly@4.1.0\n#:include ../../lib/bin/Some.dll\n", app.Text);
        Assert.DoesNotContain("Interactive", app.Text[..app.Text.IndexOf("using System;", StringComparison.Ordinal)].Replace("Polyglot", ""));
        Assert.Equal(["Plotly.NET@6.0.0", "XPlot.Plotly@4.1.0"], app.Packages);
        Assert.Equal("NotebookOutput.Cell(1);\nNotebookOutput.Show(1 + 1);", Cell(app, 1));
    }

    [Fact]
    public async Task A_cell_that_does_not_compile_is_reported_and_the_cells_after_it_are_still_analysed()
    {
        var app = await Export(new NotebookBuilder()
            .Code("var x = 1;")
            .Code("var y = NoSuchThing();")
            .Code("var x = \"s\";\nConsole.WriteLine(x + y);"));

        Assert.Contains(app.Warnings, w => w.StartsWith("cell 2 does not compile here (line 1: CS0103:", StringComparison.Ordinal));
        Assert.Contains("var x_2 = \"s\";\nConsole.WriteLine(x_2 + y);", Cell(app, 3));
    }

    [Fact]
    public void A_malformed_notebook_is_refused_with_its_name_and_the_problem()
    {
        var path = _temp.File("broken.ipynb");
        File.WriteAllText(path, "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\", \"source\": 5 } ] }");
        var error = Assert.Throws<NotebookFormatException>(() => LessonExporter.ExportAsync(path, _temp.File("broken.cs")).GetAwaiter().GetResult());
        Assert.Contains("broken.ipynb", error.Message);
        Assert.Contains("cell 1 has a malformed \"source\"", error.Message);
    }

    [Fact]
    public async Task Code_a_program_cannot_hold_is_refused_naming_cell_and_line()
    {
        var syntax = await Assert.ThrowsAsync<ExportException>(() => Export(new NotebookBuilder().Markdown("intro").Code("var ok = 1;\nvar broken = (1 + ;"), "syntax"));
        Assert.Matches(@"syntax\.ipynb: cell 2, line 2: CS\d+", syntax.Message);

        var fsharp = await Assert.ThrowsAsync<ExportException>(() => Export(new NotebookBuilder().Code("#!fsharp\nlet x = 1"), "fsharp"));
        Assert.Contains("fsharp.ipynb: cell 1: language 'fsharp': a C# program can only hold C# cells", fsharp.Message);

        var property = await Assert.ThrowsAsync<ExportException>(() => Export(new NotebookBuilder().Code("int Answer => 42;"), "property"));
        Assert.Contains("cell 1, line 1: a property at the top level of a cell", property.Message);

        var quick = await Assert.ThrowsAsync<ExportException>(() => Export(new NotebookBuilder().Parameters("int epochs = 5;").Quick(new JsonObject { ["epoch"] = 1 }), "quick"));
        Assert.Contains("metadata.mnistcourse.quick sets 'epoch', which is not a parameter; the parameters are: epochs", quick.Message);
    }
}
