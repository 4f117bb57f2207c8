using System.Text.Json.Nodes;
using MnistCourse.NotebookFormat;
using MnistCourse.NotebookEngine.Tests.Support;

namespace MnistCourse.NotebookEngine.Tests;

public class NotebookFormatTests
{
    private const string Polyglot = """
        {
         "cells": [
          { "cell_type": "markdown", "metadata": {}, "source": "# Title" },
          { "cell_type": "code", "execution_count": 7, "id": "a1",
            "metadata": { "polyglot_notebook": { "kernelName": "csharp" }, "custom": { "keep": [1, 2] } },
            "outputs": [], "source": ["var x = 1;\n", "x"], "unknown_field": true },
          { "cell_type": "code", "execution_count": null, "id": "a2", "metadata": { "dotnet_interactive": { "language": "fsharp" } },
            "outputs": [], "source": "let y = 2" },
          { "cell_type": "code", "execution_count": null, "id": "a3", "metadata": { "polyglot_notebook": { "kernelName": "csharp" } },
            "outputs": [], "source": "#!markdown\n# Heading in a code cell" },
          { "cell_type": "code", "execution_count": null, "id": "a4", "metadata": {}, "outputs": [], "source": "#!pwsh\nGet-Date" },
          { "cell_type": "code", "execution_count": null, "id": "a5", "metadata": {}, "outputs": [], "source": "Console.WriteLine(1);" }
         ],
         "metadata": { "polyglot_notebook": { "kernelInfo": { "defaultKernelName": "csharp", "items": [] } }, "extra": "kept" },
         "nbformat": 4,
         "nbformat_minor": 5
        }
        """;

    [Fact]
    public void Round_trip_keeps_unknown_fields_and_metadata()
    {
        var notebook = Notebook.Parse(Polyglot, "test.ipynb");
        var again = JsonNode.Parse(notebook.ToJson())!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Polyglot), again));
        Assert.Equal("kept", (string?)again["metadata"]!["extra"]);
        Assert.True((bool)again["cells"]![1]!["unknown_field"]!);
    }

    [Fact]
    public void Source_is_read_from_a_string_or_a_list_of_lines()
    {
        var notebook = Notebook.Parse(Polyglot, "test.ipynb");
        Assert.Equal("var x = 1;\nx", notebook.Cells[1].Source);
        Assert.Equal("let y = 2", notebook.Cells[2].Source);
    }

    [Fact]
    public void Cell_language_follows_magic_then_cell_metadata_then_notebook_default()
    {
        var notebook = Notebook.Parse(Polyglot, "test.ipynb");
        Assert.Equal("markdown", CellLanguage.Resolve(notebook, notebook.Cells[0]));
        Assert.Equal("csharp", CellLanguage.Resolve(notebook, notebook.Cells[1]));
        Assert.Equal("fsharp", CellLanguage.Resolve(notebook, notebook.Cells[2]));
        Assert.Equal("markdown", CellLanguage.Resolve(notebook, notebook.Cells[3])); // #!markdown overrides the csharp metadata
        Assert.Equal("pwsh", CellLanguage.Resolve(notebook, notebook.Cells[4]));
        Assert.Equal("csharp", CellLanguage.Resolve(notebook, notebook.Cells[5])); // notebook default
    }

    [Fact]
    public void Notebook_default_kernel_decides_unmarked_cells()
    {
        var json = JsonNode.Parse(Polyglot)!;
        json["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"] = "fsharp";
        var notebook = Notebook.Parse(json.ToJsonString(), "test.ipynb");
        Assert.Equal("fsharp", CellLanguage.Resolve(notebook, notebook.Cells[5]));
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("[1, 2]", "not a notebook")]
    [InlineData("""{ "nbformat": 4, "metadata": {} }""", "\"cells\" list is missing")]
    [InlineData("""{ "nbformat": 3, "cells": [] }""", "nbformat 3 is not supported")]
    [InlineData("""{ "nbformat": 4, "cells": [ { "source": "x" } ] }""", "cell 1 has no \"cell_type\"")]
    [InlineData("""{ "nbformat": 4, "cells": [ { "cell_type": "code", "source": 5 } ] }""", "cell 1 has a malformed \"source\"")]
    [InlineData("""{ "nbformat": 4, "nbformat": 4, "cells": [] }""", "Duplicate property 'nbformat'")] // once "An item with the same key…", no file
    [InlineData("""{ "nbformat": 4, "cells": [ { "cell_type": "code", "source": "1", "source": "2" } ] }""", "Duplicate property 'source'")]
    public void Malformed_file_gives_a_one_line_exception_naming_the_file_and_the_problem(string json, string problem)
    {
        using var folder = new TempFolder();
        var path = folder.File("broken.ipynb");
        File.WriteAllText(path, json);
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load(path));
        Assert.StartsWith(path, error.Message);
        Assert.Contains(problem, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        var error = Assert.Throws<NotebookFormatException>(() => Notebook.Load("/no/such/folder/lesson.ipynb"));
        Assert.Contains("/no/such/folder/lesson.ipynb", error.Message);
        Assert.Contains("not found", error.Message);
    }

    [Fact]
    public void Save_is_atomic_and_leaves_no_temporary_files()
    {
        using var folder = new TempFolder();
        var notebook = Notebook.Parse(Polyglot, "test.ipynb");
        var path = folder.File("out.ipynb");
        File.WriteAllText(path, "old");
        notebook.Save(path);
        Assert.Equal(notebook.ToJson(), File.ReadAllText(path));
        Assert.Equal(["out.ipynb"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Inserted_code_cells_get_an_id_only_when_the_format_has_ids()
    {
        var with = Notebook.Parse(Polyglot, "a.ipynb");
        Assert.NotNull(with.InsertCodeCell(1, "int a = 1;", new JsonObject()).Id);
        var without = Notebook.Parse(new NotebookBuilder().Code("1").Json(), "b.ipynb");
        Assert.Null(without.InsertCodeCell(1, "int a = 1;", new JsonObject()).Id);
        Assert.Equal("int a = 1;", without.Cells[1].Source);
    }
}
