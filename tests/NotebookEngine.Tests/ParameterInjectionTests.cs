using System.Text.Json.Nodes;
using MnistCourse.NotebookFormat;
using MnistCourse.NotebookEngine.Running;
using MnistCourse.NotebookEngine.Tests.Support;

namespace MnistCourse.NotebookEngine.Tests;

public class ParameterInjectionTests
{
    private const string Defaults = """
        int epochs = 3;
        double learningRate = 0.01;
        string dataDir = "../data";
        bool quick = false;
        var batch = 64;
        float momentum = 0.9f;
        long? seed = null;
        """;

    private static Notebook Lesson(JsonObject? quick = null)
    {
        var builder = new NotebookBuilder().Markdown("# Lesson").Code(Defaults, "parameters").Code("Console.WriteLine(epochs);");
        if (quick is not null) builder.Metadata("mnistcourse", new JsonObject { ["quick"] = quick });
        return Notebook.Parse(builder.Json(), "lesson.ipynb");
    }

    private static KeyValuePair<string, ParameterValue> Set(string name, string value) => KeyValuePair.Create(name, ParameterValue.FromCommandLine(value));

    [Fact]
    public void Declarations_are_read_with_their_types()
    {
        var declarations = ParametersCell.Declarations(ParametersCell.Find(Lesson())!);
        Assert.Equal(
            ["int epochs", "double learningRate", "string dataDir", "bool quick", "int batch", "float momentum", "long? seed"],
            declarations.Select(d => $"{d.TypeName} {d.Name}"));
    }

    [Fact]
    public void Overrides_become_a_new_tagged_cell_right_after_the_parameters_cell()
    {
        var notebook = Lesson();
        var cell = ParameterInjector.Inject(notebook, [Set("epochs", "1"), Set("dataDir", "C:\\data \"x\""), Set("learningRate", "1e-3"), Set("quick", "True")]);
        Assert.NotNull(cell);
        Assert.Same(cell, notebook.Cells[2]);
        Assert.True(cell.HasTag("injected-parameters"));
        Assert.False(notebook.Cells[1].HasTag("injected-parameters"));
        var lines = cell.Source.Split('\n').Skip(1).ToArray(); // first line is a comment
        Assert.Equal(["int epochs = 1;", "double learningRate = 0.001d;", "string dataDir = \"C:\\\\data \\\"x\\\"\";", "bool quick = true;"], lines);
    }

    [Fact]
    public void Quick_metadata_applies_and_set_wins_over_it()
    {
        var notebook = Lesson(new JsonObject { ["epochs"] = 1, ["batch"] = 8, ["momentum"] = 0.5, ["dataDir"] = "tiny" });
        var overrides = ParameterInjector.QuickOverrides(notebook).Concat([Set("batch", "16")]).ToList();
        var cell = ParameterInjector.Inject(notebook, overrides)!;
        Assert.Contains("int epochs = 1;", cell.Source);
        Assert.Contains("int batch = 16;", cell.Source);
        Assert.Contains("float momentum = 0.5f;", cell.Source);
        Assert.Contains("string dataDir = \"tiny\";", cell.Source);
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("3e0")]
    public void A_whole_number_written_with_a_point_or_exponent_is_an_int_literal(string value) =>
        Assert.Contains("int epochs = 3;", ParameterInjector.Inject(Lesson(), [Set("epochs", value)])!.Source);

    [Fact]
    public void Unknown_parameter_is_rejected_with_the_list_of_known_ones()
    {
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Inject(Lesson(), [Set("epoch", "1")]));
        Assert.Contains("unknown parameter 'epoch'", error.Message);
        Assert.Contains("int epochs", error.Message);
        Assert.Contains("double learningRate", error.Message);
    }

    [Theory]
    [InlineData("epochs", "three", "not a whole number")]
    [InlineData("epochs", "99999999999", "in the range of int")]
    [InlineData("quick", "yes", "true or false")]
    [InlineData("learningRate", "fast", "not a number")]
    public void Values_of_the_wrong_type_are_rejected(string name, string value, string expected)
    {
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Inject(Lesson(), [Set(name, value)]));
        Assert.Contains(name, error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("int[] sizes = { 1, 2 };", "sizes", "new[] { 3 }", "int[]")]
    [InlineData("DayOfWeek day = DayOfWeek.Monday;", "day", "DayOfWeek.Friday", "DayOfWeek")]
    [InlineData("var span = TimeSpan.FromSeconds(1);", "span", "System.IO.File.Delete(\"x\")", "var")]
    [InlineData("TimeSpan limit = default;", "limit", "default", "TimeSpan")]
    public void A_type_that_takes_no_literal_is_refused_and_named_instead_of_pasting_the_value_as_code(string defaults, string name, string value, string type)
    {
        var notebook = Notebook.Parse(new NotebookBuilder().Code(defaults, "parameters").Json(), "typed.ipynb");
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Inject(notebook, [Set(name, value)]));
        Assert.Contains($"'{name}' is declared as {type}", error.Message);
        Assert.Contains("only string, char, bool", error.Message);
        Assert.DoesNotContain(notebook.Cells, c => c.HasTag("injected-parameters"));
    }

    [Fact]
    public void Nullable_parameters_take_null_and_values()
    {
        Assert.Contains("long? seed = 42;", ParameterInjector.Inject(Lesson(), [Set("seed", "42")])!.Source);
        Assert.Contains("long? seed = null;", ParameterInjector.Inject(Lesson(), [Set("seed", "null")])!.Source);
    }

    [Fact]
    public void A_notebook_without_a_parameters_cell_rejects_overrides()
    {
        var notebook = Notebook.Parse(new NotebookBuilder().Code("int epochs = 3;").Json(), "plain.ipynb");
        var error = Assert.Throws<ParameterException>(() => ParameterInjector.Inject(notebook, [Set("epochs", "1")]));
        Assert.Contains("no cell tagged \"parameters\"", error.Message);
    }

    [Fact]
    public void Injecting_again_replaces_the_cell_of_an_earlier_run()
    {
        var notebook = Lesson();
        ParameterInjector.Inject(notebook, [Set("epochs", "1")]);
        ParameterInjector.Inject(notebook, [Set("epochs", "2")]);
        var injected = notebook.Cells.Where(c => c.HasTag("injected-parameters")).ToList();
        Assert.Single(injected);
        Assert.Contains("int epochs = 2;", injected[0].Source);
        Assert.Null(ParameterInjector.Inject(notebook, []));
        Assert.DoesNotContain(notebook.Cells, c => c.HasTag("injected-parameters"));
    }
}
