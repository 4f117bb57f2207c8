using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MnistCourse.Launcher.Grading;

/// <summary>
/// GitHub Classroom's autograding for the course, made from the lessons' exercises (one test, one point, per
/// exercise): the workflow Classroom runs on every push (<see cref="WorkflowPath"/>, with GitHub's
/// autograding-command-grader and autograding-grading-reporter actions) and the older
/// <see cref="AutogradingPath"/> (education/autograding's tests: name, setup, run, input, output, comparison, timeout in
/// minutes, points). Both run <c>./course grade --self</c> once, then read each exercise's mark from its grades.csv
/// with <see cref="SolvedScript"/>. Written by <c>./course grade --write-classroom</c>; a test keeps them in step with the lessons.
/// </summary>
internal static class ClassroomFiles
{
    public const string WorkflowPath = ".github/workflows/classroom.yml";
    public const string AutogradingPath = ".github/classroom/autograding.json";
    public const string SolvedScript = ".github/classroom/solved.sh";
    public const string GradeCommandLine = "./course grade --self";

    /// <summary>Minutes the whole grading may take on Classroom's runner (every lesson, quick settings).</summary>
    public const int GradingMinutes = 40;

    /// <summary>A step id GitHub Actions accepts: letters, digits, '-' and '_', starting with a letter.</summary>
    public static string StepId(string column) => "ex-" + new string(column.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    public static string Workflow(IReadOnlyList<string> columns)
    {
        var yaml = new StringBuilder($"""
            # GitHub Classroom autograding: one test and one point per exercise of the lessons.
            # Made by `./course grade --write-classroom` from the lessons: edit the lessons, then run it again.
            name: Autograding Tests
            'on':
            - push
            - repository_dispatch
            - workflow_dispatch
            permissions:
              checks: write
              actions: read
              contents: read
            jobs:
              run-autograding-tests:
                runs-on: ubuntu-latest
                if: github.actor != 'github-classroom[bot]'
                timeout-minutes: {GradingMinutes + 10}
                steps:
                - name: Checkout code
                  uses: actions/checkout@v4
                - name: Set up .NET 10
                  uses: actions/setup-dotnet@v4
                  with:
                    dotnet-version: 10.0.x
                - name: Grade the notebooks
                  run: {GradeCommandLine}
                  timeout-minutes: {GradingMinutes}

            """);
        foreach (var column in columns)
            yaml.Append($"""
                    - name: {column}
                      id: {StepId(column)}
                      uses: classroom-resources/autograding-command-grader@v1
                      with:
                        test-name: {column}
                        command: {SolvedScript} {column}
                        timeout: 1
                        max-score: 1

                """);
        yaml.Append("""
                - name: Autograding Reporter
                  uses: classroom-resources/autograding-grading-reporter@v1
                  env:

            """);
        foreach (var column in columns)
            yaml.Append($"        {StepId(column).ToUpperInvariant()}_RESULTS: \"${{{{steps.{StepId(column)}.outputs.result}}}}\"\n");
        yaml.Append($"""
                  with:
                    runners: {string.Join(',', columns.Select(StepId))}

            """);
        return yaml.ToString();
    }

    public static string Autograding(IReadOnlyList<string> columns)
    {
        var tests = new JsonArray();
        for (var i = 0; i < columns.Count; i++)
            tests.Add(new JsonObject
            {
                ["name"] = columns[i],
                ["setup"] = i == 0 ? GradeCommandLine : "",   // tests run in order: the first one grades, every one reads
                ["run"] = $"{SolvedScript} {columns[i]}",
                ["input"] = "",
                ["output"] = "",
                ["comparison"] = "included",
                ["timeout"] = i == 0 ? GradingMinutes : 1,
                ["points"] = 1,
            });
        return new JsonObject { ["tests"] = tests }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Every exercise of the course's lessons, as the gradebook names them.</summary>
    public static List<string> CourseColumns(LessonCatalog lessons, string notebooksFolder) =>
        Directory.GetFiles(notebooksFolder, "*.ipynb").Select(Submission.LessonOf).Order(StringComparer.Ordinal)
            .SelectMany(lesson => lessons.Exercises(lesson).Select(e => LessonCatalog.Column(lesson, e))).ToList();
}
