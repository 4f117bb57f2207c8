using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MnistCourse.Launcher.Grading;

namespace MnistCourse.Launcher.Tests.Grading;

/// <summary>
/// GitHub Classroom's autograding files: in step with the lessons' exercises, and in the documented formats —
/// education/autograding's tests (name, setup, run, input, output, comparison ∈ exact/included/regex, timeout in
/// minutes, points) and the inputs of classroom-resources/autograding-command-grader (test-name, command required;
/// setup-command, timeout in minutes up to 6 hours, max-score) with the reporter reading each step's result from
/// <c>&lt;STEP ID&gt;_RESULTS</c> and listing the step ids as runners.
/// </summary>
public class ClassroomTests
{
    private static readonly List<string> Columns = ClassroomFiles.CourseColumns(new LessonCatalog(RepoPaths.Notebooks), RepoPaths.Notebooks);

    private static string Committed(string path) => File.ReadAllText(Path.Combine(RepoPaths.Root, path));

    [Fact]
    public void The_committed_files_are_the_ones_the_lessons_make()
    {
        Assert.True(Columns.Count >= 5, "the lessons have exercises");
        const string fix = "the lessons' exercises changed: run ./course grade --write-classroom and commit the result";
        Assert.True(ClassroomFiles.Workflow(Columns) == Committed(ClassroomFiles.WorkflowPath), $"{ClassroomFiles.WorkflowPath}: {fix}");
        Assert.True(ClassroomFiles.Autograding(Columns) == Committed(ClassroomFiles.AutogradingPath), $"{ClassroomFiles.AutogradingPath}: {fix}");
    }

    [Fact]
    public void Autograding_json_has_one_test_per_exercise_in_education_autogradings_format()
    {
        var tests = JsonNode.Parse(Committed(ClassroomFiles.AutogradingPath))!["tests"]!.AsArray();
        Assert.Equal(Columns, tests.Select(t => (string?)t!["name"]));
        foreach (var test in tests.Select(t => t!.AsObject()))
        {
            Assert.Equal(["name", "setup", "run", "input", "output", "comparison", "timeout", "points"], test.Select(p => p.Key));
            Assert.All(new[] { "name", "setup", "run", "input", "output" }, field => Assert.NotNull(test[field]!.GetValue<string>()));
            Assert.Contains(test["comparison"]!.GetValue<string>(), new[] { "exact", "included", "regex" });
            Assert.InRange(test["timeout"]!.GetValue<double>(), 0.1, 360);   // minutes
            Assert.Equal(1, test["points"]!.GetValue<int>());
            Assert.Equal($"{ClassroomFiles.SolvedScript} {test["name"]}", test["run"]!.GetValue<string>());
        }
        Assert.Equal(ClassroomFiles.GradeCommandLine, (string?)tests[0]!["setup"]);   // the first test grades once for all
    }

    [Fact]
    public void The_workflow_has_a_command_grader_step_per_exercise_and_the_reporter_reads_each()
    {
        var workflow = Committed(ClassroomFiles.WorkflowPath);
        Assert.Contains($"run: {ClassroomFiles.GradeCommandLine}", workflow);
        var steps = Regex.Matches(workflow, @"- name: (?<name>.+)\n\s+id: (?<id>.+)\n\s+uses: classroom-resources/autograding-command-grader@v1\n" +
                                            @"\s+with:\n\s+test-name: (?<test>.+)\n\s+command: (?<command>.+)\n\s+timeout: (?<timeout>\d+)\n\s+max-score: (?<score>\d+)\n");
        Assert.Equal(Columns, steps.Select(m => m.Groups["test"].Value));
        foreach (Match step in steps)
        {
            var id = step.Groups["id"].Value;
            Assert.Matches("^[A-Za-z][A-Za-z0-9_-]*$", id);
            Assert.InRange(int.Parse(step.Groups["timeout"].Value), 1, 360);
            Assert.Contains($"        {id.ToUpperInvariant()}_RESULTS: \"${{{{steps.{id}.outputs.result}}}}\"\n", workflow);
        }
        Assert.Contains($"runners: {string.Join(',', steps.Select(m => m.Groups["id"].Value))}\n", workflow);
        Assert.Contains("uses: classroom-resources/autograding-grading-reporter@v1", workflow);
    }

    [Theory]
    [InlineData("02-keras-convnet/3", 0, "02-keras-convnet/3: solved")]
    [InlineData("02-keras-convnet/1", 1, "02-keras-convnet/1: hidden_failed")]
    [InlineData("09-none/1", 1, "09-none/1 is not an exercise in")]
    public void The_solved_script_passes_only_a_solved_exercise(string exercise, int exitCode, string output)
    {
        using var temp = new TempFolder();
        var csv = temp.File("grades.csv");
        File.WriteAllText(csv, "learner,02-keras-convnet/1,02-keras-convnet/3,points,max_points,reason\r\nyou,hidden_failed,solved,1,2,\"a, b\"\r\n");
        var run = ProcessRun.Run("bash", [Path.Combine(RepoPaths.Root, ClassroomFiles.SolvedScript), exercise, csv], TimeSpan.FromSeconds(30));
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains(output, run.Stdout);
    }
}
