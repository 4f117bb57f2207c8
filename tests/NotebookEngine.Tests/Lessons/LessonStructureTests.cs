using System.Text.Json.Nodes;

namespace MnistCourse.NotebookEngine.Tests.Lessons;

/// <summary>
/// What every lesson holds, read from the committed notebooks (nothing runs): a diagram, one closing
/// "How close to the tutorial?" section, then the exercises, each followed by its check.
/// </summary>
public class LessonStructureTests
{
    private static readonly string[] DiagramCalls = ["Plot.SlidingWindow(", "Plot.Architecture(", "Plot.Kernels("];

    public static TheoryData<string> Lessons() => new(CourseLessons.All.Select(l => l.Lesson));

    private static List<(string Type, string Source, string? Exercise)> Cells(string lesson) =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.Lesson(lesson)))!["cells"]!.AsArray()
            .Select(c => ((string)c!["cell_type"]!, string.Concat(c["source"]!.AsArray().Select(l => (string?)l)),
                          (string?)c["metadata"]?["mnistcourse"]?["exercise"]))
            .ToList();

    [Theory]
    [MemberData(nameof(Lessons))]
    public void Lesson_has_a_diagram_a_closing_comparison_and_checked_exercises_at_the_end(string lesson)
    {
        var cells = Cells(lesson);
        Assert.Contains(cells, c => c.Type == "code" && DiagramCalls.Any(c.Source.Contains));

        var closing = cells.FindIndex(c => c.Type == "markdown" && c.Source.StartsWith("## How close to the tutorial?"));
        var exercises = cells.FindIndex(c => c.Type == "markdown" && c.Source.StartsWith("## Exercises"));
        Assert.True(closing > 0, $"{lesson} has no '## How close to the tutorial?' section");
        Assert.Single(cells, c => c.Source.Contains("## How close to the tutorial?"));
        Assert.True(exercises > closing, $"{lesson}: the exercises come after the closing comparison");
        Assert.Contains($"solutions/{lesson}.ipynb", cells[exercises].Source);

        var rest = cells.Skip(exercises + 1).ToList();
        Assert.InRange(rest.Count(c => c.Exercise is not null), 2, 4);
        Assert.All(rest.Where(c => c.Type == "code"), c =>
        {
            Assert.NotNull(c.Exercise);
            Assert.Contains("Check.", c.Source);
            // Where the learner writes: an answer's line, a missing line, or a coding exercise's starter.
            Assert.Contains(new[] { "// your answer", "// the missing line goes here", "throw new NotImplementedException(\"your code here\")" },
                            c.Source.Contains);
        });
    }
}
