using System.Text.RegularExpressions;
using MnistCourse.Launcher.Commands;
using MnistCourse.Launcher.Reproduction;
using MnistCourse.NotebookFormat;
using MnistCourse.NotebookEngine.Running;

namespace MnistCourse.Launcher.Tests;

/// <summary>
/// `reproduction = true` (what `./course reproduce` sets) skips a lesson's comparison trainings and changes none of its
/// figures: the same lesson, seed and threads report the same accuracies and losses either way.
/// </summary>
public class ReproductionSkipTests
{
    /// <summary>The lessons that train a tutorial's network, each of which also trains something to compare with.</summary>
    public static TheoryData<string> TrainingLessons() => [.. CourseLessons.All.Where(l => l.ReportedTutorials.Length > 0).Select(l => l.Lesson)];

    private static HashSet<string> Declared(string lesson) =>
        ParametersCell.Find(Notebook.Load(RepoPaths.Lesson(lesson))) is { } cell ? [.. ParametersCell.Declarations(cell).Select(d => d.Name)] : [];

    [Theory]
    [MemberData(nameof(TrainingLessons))]
    public void Every_training_lesson_declares_the_parameter_and_a_reproduction_sets_it(string lesson)
    {
        Assert.Contains(LessonProcess.ReproductionParameter, Declared(lesson));
        using var temp = new TempFolder();
        var arguments = string.Join(" ", LessonProcess.RunnerArguments(RepoPaths.Lesson(lesson), temp.Path, lesson + "-seed0", quick: false));
        Assert.Contains("--set reproduction=true", arguments);
    }

    [Theory]
    [Trait("Speed", "Slow")]
    [MemberData(nameof(TrainingLessons))]
    public void Skipping_the_comparisons_changes_none_of_the_figures(string lesson)
    {
        using var temp = new TempFolder();
        var whole = Run(lesson, temp, reproduction: false);
        var skipped = Run(lesson, temp, reproduction: true);

        Assert.NotEmpty(whole.figures);
        Assert.Equal(whole.figures, skipped.figures);
        // The parameter did something: the skipped run trained fewer epochs (Fit prints a line per epoch).
        Assert.True(skipped.epochLines < whole.epochLines, $"epoch lines: {skipped.epochLines} skipped, {whole.epochLines} whole");
    }

    /// <summary>"Epoch 1/1" (Fit's progress) or "epoch  1: val_loss …" (lesson 4's callback): one per epoch trained.</summary>
    private static readonly Regex EpochLine = new(@"^\s*epoch\s+\d+", RegexOptions.IgnoreCase);

    /// <summary>A quick run of the lesson at seed 1 on 1 torch thread: its reported (tutorial, accuracy, loss) and its "Epoch i/n" lines.</summary>
    private static (List<(string, double, double)> figures, int epochLines) Run(string lesson, TempFolder temp, bool reproduction)
    {
        var name = reproduction ? "skipped" : "whole";
        var results = temp.File(name + ".results.jsonl");
        var arguments = RunCommand.RunnerArguments(RepoPaths.Lesson(lesson), temp.File(name + ".ipynb"), quick: true);
        arguments.AddRange(CourseLessons.ScratchModelArguments(lesson, temp.Path));
        arguments.AddRange(["--set", $"reproduction={(reproduction ? "true" : "false")}"]);
        var run = ProcessRun.Run("dotnet", arguments, TimeSpan.FromMinutes(5), new Dictionary<string, string?>
        {
            [Course.SeedVariable] = "1", [Course.ThreadsVariable] = "1", [Course.ResultsVariable] = results,
        });
        Assert.True(run.ExitCode == 0, run.ToString());
        var figures = RunCommand.ReadResults(results).Select(r => (r.Tutorial, r.TestAccuracy, r.TestLoss)).ToList();
        var epochLines = run.Stdout.Split('\n').Count(l => EpochLine.IsMatch(l));
        return (figures, epochLines);
    }
}
