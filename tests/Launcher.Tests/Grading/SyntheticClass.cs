using System.Text.Json.Nodes;

namespace MnistCourse.Launcher.Tests.Grading;

/// <summary>
/// Learners' submissions made in a test from a lesson and its worked solution: each a folder
/// <c>&lt;class&gt;/&lt;learner&gt;/notebooks/&lt;lesson&gt;.ipynb</c> holding the lesson's setup cell and its exercise cells
/// (the lesson's, the solution's, or code given here), so that grading one takes seconds, not a lesson's training.
/// </summary>
internal sealed class SyntheticClass(string folder, string lesson)
{
    private readonly JsonNode _lesson = JsonNode.Parse(File.ReadAllText(RepoPaths.Lesson(lesson)))!;
    private readonly JsonNode _solution = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Notebooks, "solutions", lesson + ".ipynb")))!;

    public string Folder { get; } = folder;

    /// <summary>The lesson's exercise ids, in order.</summary>
    public IReadOnlyList<string> Exercises => ExerciseCells(_lesson).Select(c => ExerciseId(c)!).ToList();

    /// <summary>The exercise whose check runs the learner's code (<c>Check.TrainingStep</c> in lesson 2).</summary>
    public string CodingExercise(string checkCall) => ExerciseId(ExerciseCells(_lesson).Single(c => Source(c).Contains(checkCall)))!;

    /// <summary>The exercise cell as the learner found it.</summary>
    public JsonNode Untouched(string exercise) => ExerciseCells(_lesson).Single(c => ExerciseId(c) == exercise).DeepClone();

    /// <summary>The exercise cell as the worked solution answers it.</summary>
    public JsonNode Solved(string exercise) => ExerciseCells(_solution).Single(c => ExerciseId(c) == exercise).DeepClone();

    /// <summary>The exercise cell with other code in it.</summary>
    public JsonNode Written(string exercise, string source)
    {
        var cell = Untouched(exercise);
        cell["source"] = source;
        return cell;
    }

    /// <summary>A code cell that is no exercise.</summary>
    public static JsonNode Code(string source) => new JsonObject
    {
        ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = new JsonObject(), ["outputs"] = new JsonArray(), ["source"] = source,
    };

    /// <summary>The lesson's setup cell (its <c>#r</c> of the course library as the lesson has it).</summary>
    public JsonNode Setup() =>
        _lesson["cells"]!.AsArray().First(c => (string?)c!["cell_type"] == "code" && Source(c).Contains("Course.Setup("))!.DeepClone();

    /// <summary>Writes a learner's notebook: the lesson's metadata and these cells; returns its path.</summary>
    public string Learner(string name, params JsonNode[] cells)
    {
        var notebook = _lesson.DeepClone();
        notebook["cells"] = new JsonArray(cells);
        return Write(name, notebook.ToJsonString());
    }

    /// <summary>Writes a learner's notebook file with exactly this text (e.g. JSON that is not valid).</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name, "notebooks", lesson + ".ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static List<JsonNode> ExerciseCells(JsonNode notebook) => notebook["cells"]!.AsArray().OfType<JsonNode>().Where(c => ExerciseId(c) is not null).ToList();

    private static string? ExerciseId(JsonNode cell) => (string?)cell["metadata"]?["mnistcourse"]?["exercise"];

    private static string Source(JsonNode cell) => cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";
}
