using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MnistCourse.NotebookEngine.Tests.Support;
using MnistCourse.Reporting;

namespace MnistCourse.NotebookEngine.Tests.Lessons;

/// <summary>
/// Every lesson's exercises, run without the rest of the lesson: each exercise as committed must fail its check with a
/// hint that does not give the answer away, and each solution in notebooks/solutions/ must pass it. One runner process
/// per lesson executes the lesson's setup cell, its exercise cells, then the solutions' exercise cells.
/// </summary>
[Trait("Speed", "Slow")]
public class LessonExerciseTests
{
    public static TheoryData<string> Lessons() => new(CourseLessons.All.Select(l => l.Lesson));

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Exercises_fail_with_a_hint_until_solved_and_every_solution_passes(string lesson)
    {
        RepoPaths.AssertLibraryBuilt();
        var lessonJson = JsonNode.Parse(File.ReadAllText(RepoPaths.Lesson(lesson)))!;
        var solutionFile = Path.Combine(RepoPaths.Notebooks, "solutions", lesson + ".ipynb");
        Assert.True(File.Exists(solutionFile), $"{lesson} has no solutions notebook at notebooks/solutions/{lesson}.ipynb");
        var exercises = ExerciseCells(lessonJson);
        var solutions = ExerciseCells(JsonNode.Parse(File.ReadAllText(solutionFile))!);
        Assert.InRange(exercises.Count, 2, 4);
        Assert.Equal(exercises.Keys, solutions.Keys);
        var lessonCells = lessonJson["cells"]!.AsArray();
        Assert.Equal(exercises.Keys.Count, lessonCells.Skip(lessonCells.Count - 2 * exercises.Count).Count(c => ExerciseId(c!) is not null)); // they end the lesson

        using var temp = new TempFolder();
        var notebook = temp.File("exercises.ipynb");
        var executed = temp.File("exercises.out.ipynb");
        var setup = lessonCells.First(c => (string?)c!["cell_type"] == "code" && Source(c).Contains("Course.Setup("))!.DeepClone();
        setup["source"] = Source(setup).Replace("\"../lib/bin/MnistCourse.dll\"", $"\"{RepoPaths.LibraryDll}\"");
        var cells = new JsonArray(setup);
        foreach (var cell in exercises.Values.Concat(solutions.Values)) cells.Add(cell.DeepClone());
        var run = lessonJson.DeepClone();
        run["cells"] = cells;
        File.WriteAllText(notebook, run.ToJsonString());

        var result = RunnerProcess.Run(RepoPaths.Root, TimeSpan.FromMinutes(3), null, ["run", notebook, "--out", executed]);
        Assert.True(result.ExitCode == 0, $"{lesson}'s exercises failed to run (exit {result.ExitCode}):\n{result.Stderr}\n{result.Stdout}");
        NbformatValidator.AssertValid(executed);   // the checks' records (display_data of a +json type) included
        var executedCells = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray();
        var outputs = executedCells.Skip(1).Select(c => CheckLine(OutputText(c))).ToArray();
        var ids = exercises.Keys.ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            string unsolved = outputs[i], solved = outputs[ids.Length + i];
            Assert.True(solved.StartsWith("✓ "), $"{lesson}, exercise {ids[i]}: the solution does not pass: {solved}");
            Assert.Equal("solved", (string?)Record(executedCells[ids.Length + i + 1])?["status"]);   // the record graders read
            Assert.Contains((string?)Record(executedCells[i + 1])?["status"], new[] { "not_answered", "wrong" });
            Assert.True(unsolved.StartsWith("✗ ") && unsolved.Trim().Length > 20, $"{lesson}, exercise {ids[i]}: the unsolved exercise gives no hint: {unsolved}");
            Assert.DoesNotContain("✓", unsolved);
            if (IsCodingExercise(exercises[ids[i]]))
            {
                // The learner writes code: the untouched starter is "not answered", and there is no number to hide.
                Assert.True(unsolved.StartsWith("✗ not answered yet"), $"{lesson}, exercise {ids[i]}: the starter is not 'not answered': {unsolved}");
                continue;
            }
            var answer = Answer(solved, Source(solutions[ids[i]]));
            Assert.False(Regex.IsMatch(unsolved, $@"(?<![\d.,]){Regex.Escape(answer)}(?!\d)"),
                         $"{lesson}, exercise {ids[i]}: the hint gives the answer {answer} away: {unsolved}");
        }
    }

    /// <summary>What the solution's ✓ line starts with ("✓ 3,216: …"), or for code, the call on its "// your answer" line.</summary>
    private static string Answer(string solvedOutput, string solvedSource)
    {
        var value = Regex.Match(solvedOutput, @"^✓ ([\d.,]+):");
        if (value.Success) return value.Groups[1].Value;
        var call = Regex.Match(solvedSource, @"\.(\w+)\([^\n]*// your answer");
        Assert.True(call.Success, $"no answer found in the solution:\n{solvedSource}");
        return call.Groups[1].Value;
    }

    /// <summary>
    /// The check's line: the last output line that starts with ✓ or ✗. Code before the check may print first (a learner's
    /// Fit, the MNIST cache's line when a check loads MNIST in a fresh process).
    /// </summary>
    private static string CheckLine(string output) =>
        output.Split('\n').LastOrDefault(l => l.StartsWith("✓ ") || l.StartsWith("✗ ")) ?? output;

    /// <summary>A coding exercise's starter throws NotImplementedException until the learner writes the code.</summary>
    private static bool IsCodingExercise(JsonNode cell) => Source(cell).Contains("throw new NotImplementedException(");

    private static Dictionary<string, JsonNode> ExerciseCells(JsonNode notebook) =>
        notebook["cells"]!.AsArray().Where(c => ExerciseId(c!) is not null).ToDictionary(c => ExerciseId(c!)!, c => c!);

    private static string? ExerciseId(JsonNode cell) => (string?)cell["metadata"]?["mnistcourse"]?["exercise"];

    /// <summary>The check's record for graders (CheckRecord), kept beside the line as a JSON object.</summary>
    private static JsonNode? Record(JsonNode? cell) =>
        cell!["outputs"]!.AsArray().Select(o => o!["data"]?[CheckRecord.MimeType]).LastOrDefault(r => r is not null);

    private static string Source(JsonNode cell) => cell["source"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)cell["source"] ?? "";

    /// <summary>What the learner reads: console text and the text/plain of displays (a check's line is a display beside its record).</summary>
    private static string OutputText(JsonNode? cell) =>
        string.Concat(cell!["outputs"]!.AsArray().Select(o => Lines(o!["text"] ?? o["data"]?["text/plain"])));

    private static string Lines(JsonNode? text) => text is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)text ?? "";
}
