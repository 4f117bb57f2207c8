using System.Text.Json.Nodes;
using MnistCourse.Launcher.Grading;

namespace MnistCourse.Launcher.Tests.Grading;

/// <summary>The grader's parts that need no notebook run: naming learners, reading records, writing the gradebook, the sandbox's options.</summary>
public class GradebookTests
{
    [Fact]
    public void Learners_are_named_after_their_folders_and_a_class_folder_holds_one_per_learner()
    {
        using var temp = new TempFolder();
        string Touch(string relative)
        {
            var path = Path.Combine(temp.Path, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
            return path;
        }
        Touch("class/ana/notebooks/01-convolution-by-hand.ipynb");
        Touch("class/ana/notebooks/solutions/01-convolution-by-hand.ipynb");   // not hers to be graded on
        Touch("class/ben/02-keras-convnet.ipynb");
        Directory.CreateDirectory(Path.Combine(temp.Path, "class", "cleo"));    // no notebooks: a row that says so
        var file = Touch("loose/dan/notebooks/03-feature-maps.ipynb");

        var found = Submission.Find([Path.Combine(temp.Path, "class"), file]);
        Assert.Equal(["ana", "ben", "cleo", "dan"], found.Select(s => s.Learner));
        Assert.Equal(["01-convolution-by-hand"], found[0].Notebooks.Select(Submission.LessonOf));
        Assert.Equal(["02-keras-convnet"], found[1].Notebooks.Select(Submission.LessonOf));
        Assert.Empty(found[2].Notebooks);
        Assert.Equal([file], found[3].Notebooks);

        var missing = Assert.Throws<ArgumentException>(() => Submission.Find([Path.Combine(temp.Path, "nobody")]));
        Assert.Contains("does not exist", missing.Message);
        var notNotebook = Assert.Throws<ArgumentException>(() => Submission.Find([Touch("class/ana/notes.txt")]));
        Assert.Contains("is not a notebook (.ipynb)", notNotebook.Message);
    }

    [Fact]
    public void An_executed_copy_gives_each_exercise_the_mark_of_its_last_record_and_names_the_first_error()
    {
        using var temp = new TempFolder();
        JsonObject Display(string record, bool asString = false) => new()
        {
            ["output_type"] = "display_data", ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject { ["text/plain"] = "✓ …", [CheckRecord.MimeType] = asString ? record : JsonNode.Parse(record) },
        };
        JsonObject Cell(string? exercise, params JsonNode[] outputs) => new()
        {
            ["cell_type"] = "code", ["execution_count"] = 1, ["source"] = "",
            ["metadata"] = exercise is null ? new JsonObject() : new JsonObject { ["mnistcourse"] = new JsonObject { ["exercise"] = exercise } },
            ["outputs"] = new JsonArray(outputs),
        };
        var notebook = new JsonObject
        {
            ["nbformat"] = 4, ["nbformat_minor"] = 4, ["metadata"] = new JsonObject(),
            ["cells"] = new JsonArray(
                Cell("1", Display("""{"check":"A","status":"wrong","hint_kind":"wrong"}"""), Display("""{"check":"A","status":"solved"}""")),
                Cell("2", Display("""{"check":"B","status":"solved","hidden":"failed"}""", asString: true)),
                Cell("3", Display("""{"check":"C","status":"solved","hidden":"passed"}""")),
                Cell("4", Display("not json at all", asString: true)),
                Cell(null, new JsonObject { ["output_type"] = "error", ["ename"] = "InvalidOperationException", ["evalue"] = "boom", ["traceback"] = new JsonArray() }),
                Cell("5")),
        };
        var path = temp.File("executed.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());

        var read = ExecutedNotebook.Read(path);
        Assert.Equal([Mark.Solved, Mark.HiddenFailed, Mark.Solved, Mark.Missing, Mark.Missing], new[] { "1", "2", "3", "4", "5" }.Select(id => read.Marks[id]));
        Assert.Equal("cell 5: InvalidOperationException: boom", read.FirstError);
    }

    [Theory]
    [InlineData(CheckStatus.Solved, HiddenCases.NotRun, "solved")]
    [InlineData(CheckStatus.Solved, HiddenCases.Passed, "solved")]
    [InlineData(CheckStatus.Solved, HiddenCases.Failed, "hidden_failed")]
    [InlineData(CheckStatus.Wrong, HiddenCases.NotRun, "wrong")]
    [InlineData(CheckStatus.NotAnswered, HiddenCases.NotRun, "not_answered")]
    [InlineData(CheckStatus.Error, HiddenCases.NotRun, "error")]
    public void A_record_maps_to_one_mark_as_grades_csv_writes_it(CheckStatus status, HiddenCases hidden, string expected) =>
        Assert.Equal(expected, Marks.From(new CheckRecord("X", status, null, hidden)).Word());

    private static Gradebook Book() => new(["02-keras-convnet/1", "02-keras-convnet/2"],
    [
        new LearnerRow("=HYPERLINK(\"http://evil\")", new Dictionary<string, Mark> { ["02-keras-convnet/1"] = Mark.Solved }, ["02-keras-convnet: cell 3: X: a, \"b\""]),
        new LearnerRow("<script>alert(1)</script>", new Dictionary<string, Mark> { ["02-keras-convnet/1"] = Mark.Solved, ["02-keras-convnet/2"] = Mark.HiddenFailed }, []),
    ]);

    [Fact]
    public void Grades_csv_has_a_row_per_learner_quotes_fields_and_defuses_spreadsheet_formulas()
    {
        var rows = Csv.Read(GradebookCsv.Render(Book()));
        Assert.Equal(["learner", "02-keras-convnet/1", "02-keras-convnet/2", "points", "max_points", "reason"], rows[0]);
        Assert.Equal(["'=HYPERLINK(\"http://evil\")", "solved", "missing", "1", "2", "02-keras-convnet: cell 3: X: a, \"b\""], rows[1]);
        Assert.Equal(["<script>alert(1)</script>", "solved", "hidden_failed", "1", "2", ""], rows[2]);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public void Grades_page_escapes_learners_strings_and_charts_each_exercise_success_rate()
    {
        var page = GradebookPage.Render(Book(), "a class");
        Assert.DoesNotContain("<script>", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page);
        Assert.Contains("a, &quot;b&quot;", page);
        Assert.Contains(">100%</text>", page);   // exercise 1: both learners
        Assert.Contains(">0%</text>", page);     // exercise 2: hidden failed is not solved
        Assert.DoesNotContain("http", page.Replace("http://www.w3.org/2000/svg", "").Replace("&quot;http://evil&quot;", ""));   // nothing fetched: offline
    }

    [Fact]
    public void The_sandbox_hides_the_class_and_gradebook_read_only_after_binding_back_what_notebooks_need_and_the_work_folder()
    {
        using var temp = new TempFolder();
        var (klass, grades, library) = (temp.File("class"), temp.File("grades"), temp.File("lib"));
        var work = Path.Combine(grades, "work", "ana");
        foreach (var folder in new[] { klass, work, library }) Directory.CreateDirectory(folder);
        var sandbox = new Sandbox(true, hidden: [klass, grades], readable: [library]);
        var args = sandbox.BwrapArguments(work, new Dictionary<string, string> { ["MNISTCOURSE_SEED"] = "0" }, []);
        var line = string.Join(' ', args);

        Assert.StartsWith("--ro-bind / /", line);
        Assert.Contains("--unshare-all", args);   // no network among the rest
        Assert.Contains("--clearenv", args);
        int At(string option, string path) => Enumerable.Range(0, args.Count - 1).Single(i => args[i] == option && args[i + 1] == path);
        Assert.True(At("--tmpfs", grades) < At("--bind", work) && At("--bind", work) < At("--remount-ro", grades));
        Assert.True(At("--tmpfs", klass) < At("--ro-bind", library));
        Assert.Contains("--setenv MNISTCOURSE_SEED 0", line);
        Assert.EndsWith($"--chdir {work}", line);
    }
}
