using MnistCourse.Launcher.Commands;
using MnistCourse.Launcher.Reproduction;
using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Tests;

/// <summary>`./course reproduce --shard K/N` and `reproduce merge`: slices that together are the whole, and a merge that names what it cannot join.</summary>
public class ShardAndMergeTests
{
    [Fact]
    public void The_slices_of_a_plan_are_disjoint_and_together_the_whole_plan()
    {
        var all = ReproductionPlan.All(5, Tutorial.All); // 5 seeds × 3 lessons
        var slices = Enumerable.Range(1, 4).Select(k => new Shard(k, 4).Select(all).ToList()).ToList();
        Assert.Equal(all.Count, slices.Sum(s => s.Count));
        Assert.Equal(all.ToHashSet(), slices.SelectMany(s => s).ToHashSet());
        Assert.Equal([4, 4, 4, 3], slices.Select(s => s.Count));
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("1/1", 1, 1)]
    public void Shard_reads_k_of_n(string text, int k, int n) => Assert.Equal(new Shard(k, n), Shard.Parse(text));

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    public void A_bad_shard_names_the_form_it_takes(string text)
    {
        var errors = ReproduceCommand.Command.Parse($"--shard {text}").Errors.Select(e => e.Message).ToList();
        Assert.Contains(errors, e => e.Contains($"--shard takes K/N with 1 ≤ K ≤ N (slice K of N, e.g. --shard 2/4), not '{text}'."));
    }

    [Fact]
    public void Shard_and_with_reference_are_options_of_reproduce()
    {
        var o = ReproduceCommand.Options(ReproduceCommand.Command.Parse("--shard 3/8 --with-reference lenet-relu"));
        Assert.Equal((new Shard(3, 8), true), (o.Shard, o.WithReference));
        Assert.Equal("reproduction.shard-3-of-8.json", o.Shard.FileName);
        Assert.Equal(Shard.Whole, ReproduceCommand.Options(ReproduceCommand.Command.Parse("")).Shard);
    }

    private static SeedRun Run(string tutorial, int seed, double accuracy) =>
        new(tutorial, seed, false, accuracy, 0.05, 2, 10, "notebooks/04-lenet.ipynb", "2026-12-05T22:00:00Z");

    private static ReproductionFile File(params SeedRun[] runs) => new(false, 2, 1, "2026-12-05T22:00:00Z", runs);

    [Fact]
    public void Merge_joins_slices_and_keeps_a_duplicate_once_naming_it()
    {
        var outcome = ReproductionMerge.Merge([
            ("a.json", File(Run("lenet-relu", 0, 0.9767), Run("lenet-relu", 2, 0.9815))),
            ("b.json", File(Run("lenet-relu", 1, 0.9787), Run("lenet-relu", 2, 0.9815))),
        ]);
        Assert.Empty(outcome.Conflicts);
        Assert.Equal([0, 1, 2], outcome.Merged!.Runs.Select(r => r.Seed));
        Assert.Equal("lenet-relu seed 2 is in a.json, b.json with the same figures (kept once)", Assert.Single(outcome.Duplicates));
    }

    [Fact]
    public void Merge_writes_nothing_when_a_seed_differs_between_slices_and_names_it()
    {
        var outcome = ReproductionMerge.Merge([("a.json", File(Run("chollet", 0, 0.9911))), ("b.json", File(Run("chollet", 0, 0.9920)))]);
        Assert.Null(outcome.Merged);
        Assert.Equal("chollet seed 0 differs between a.json, b.json (0.9911 vs 0.9920)", Assert.Single(outcome.Conflicts));
    }

    [Fact]
    public void Merge_refuses_to_mix_quick_and_full_runs_and_names_other_thread_counts()
    {
        var quick = File(Run("chollet", 1, 0.95)) with { Quick = true };
        Assert.Contains("quick and full runs cannot be merged: quick in q.json, full in f.json",
                        Assert.Single(ReproductionMerge.Merge([("f.json", File(Run("chollet", 0, 0.99))), ("q.json", quick)]).Conflicts));
        var twoThreads = File(Run("chollet", 1, 0.99)) with { ThreadsPerRun = 2 };
        var outcome = ReproductionMerge.Merge([("one.json", File(Run("chollet", 0, 0.99))), ("two.json", twoThreads)]);
        Assert.NotNull(outcome.Merged);
        Assert.Contains("different torch threads per run (1 in one.json, 2 in two.json)", Assert.Single(outcome.Notes));
    }

    [Fact]
    public void Reference_runs_give_the_table_an_equivalence_line()
    {
        double[] course = [0.9849, 0.9871, 0.9880, 0.9871, 0.9868], reference = [0.9844, 0.9849, 0.9898, 0.9884, 0.9855];
        var file = File();
        for (int seed = 0; seed < 5; seed++)
            file = file.With(Run("lenet-tanh", seed, course[seed])).WithReference(Run("lenet-tanh", seed, reference[seed]));
        var lines = ReproductionTable.Lines(file, Tutorial.All).ToList();
        Assert.Contains(lines, l => l.Contains("Keras-faithful reference, seeds 0: 0.9844, 1: 0.9849") &&
                                    l.Contains("not shown equivalent (more seeds needed: 13 a side at these means and SDs)"));
        Assert.Equal(Equivalence.NotShown, Assert.Single(file.Summary).Equivalence!.Outcome);
    }
}

/// <summary>What the runner is told for a reproduction run: the parameters a lesson declares are set, the others never.</summary>
public class ReproductionParameterTests
{
    [Theory]
    [InlineData("int epochs = 2;\nbool reproduction = false;", true)]
    [InlineData("int epochs = 2;", false)]
    public void Reproduction_is_set_true_only_where_the_parameters_cell_declares_it(string parameters, bool expected)
    {
        using var temp = new TempFolder();
        var notebook = temp.File("lesson.ipynb");
        new NotebookBuilder().Parameters(parameters).Code("Console.WriteLine(epochs);").WriteTo(notebook);
        var arguments = LessonProcess.RunnerArguments(notebook, temp.Path, "lesson-seed0", quick: false);
        Assert.Equal(expected, string.Join(" ", arguments).Contains("--set reproduction=true"));
        Assert.DoesNotContain("weightsPath", string.Join(" ", arguments));
    }
}

/// <summary>--budget: which extra seeds start once the planned ones are done.</summary>
public class PrecisionSeedsTests
{
    private static ReproductionFile Seeds(string tutorial, params double[] accuracies) =>
        accuracies.Select((a, seed) => new SeedRun(tutorial, seed, false, a, 0.05, 2, 10, "n", "t"))
            .Aggregate(new ReproductionFile(false, 2, 1, "t", []), (f, r) => f.With(r));

    // README's relu LeNet seeds: SD 0.0028, 95% CI half-width 0.0035 — far from ±0.0010.
    private static readonly ReproductionFile Relu = Seeds("lenet-relu", 0.9767, 0.9787, 0.9815, 0.9832, 0.9773);

    [Fact]
    public void An_imprecise_tutorial_gets_its_next_seed_when_its_lesson_fits_in_the_budget()
    {
        var job = Assert.Single(PrecisionSeeds.Next(Relu, [Tutorial.LeNetRelu], new Dictionary<string, double> { ["04-lenet"] = 40 }, 100, []));
        Assert.Equal(("04-lenet", 5), (job.Lesson, job.Seed));
        Assert.Equal([Tutorial.LeNetRelu], job.Tutorials);
    }

    [Fact]
    public void No_seed_is_added_when_the_run_does_not_fit_has_not_been_timed_or_is_already_running()
    {
        Assert.Empty(PrecisionSeeds.Next(Relu, [Tutorial.LeNetRelu], new Dictionary<string, double> { ["04-lenet"] = 140 }, 100, []));
        Assert.Empty(PrecisionSeeds.Next(Relu, [Tutorial.LeNetRelu], new Dictionary<string, double>(), 100, []));
        Assert.Empty(PrecisionSeeds.Next(Relu, [Tutorial.LeNetRelu], new Dictionary<string, double> { ["04-lenet"] = 40 }, 100,
                                         [new LessonJob("04-lenet", 5, [Tutorial.LeNetRelu])]));
    }

    [Fact]
    public void A_precise_tutorial_gets_no_more_seeds()
    {
        // Five seeds within 0.0002 of each other: half-width about 0.0001.
        var precise = Seeds("dropout", 0.9923, 0.9924, 0.9922, 0.9923, 0.9925);
        Assert.Empty(PrecisionSeeds.Next(precise, [Tutorial.Dropout], new Dictionary<string, double> { ["05-dropout-convnet"] = 10 }, 1000, []));
    }
}

/// <summary>.github/workflows/reproduce.yml: its matrix, its --shard lines and its merge agree on the number of slices.</summary>
public class ReproduceWorkflowTests
{
    [Fact]
    public void The_matrix_the_shard_option_and_the_merge_name_the_same_slices()
    {
        var workflow = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "reproduce.yml"));
        var matrix = System.Text.RegularExpressions.Regex.Match(workflow, @"shard: \[([\d, ]+)\]");
        Assert.True(matrix.Success, "the workflow has no `shard: [1, 2, …]` matrix");
        var slices = matrix.Groups[1].Value.Split(',').Select(s => int.Parse(s.Trim())).ToList();
        int n = slices.Count;
        Assert.Equal(Enumerable.Range(1, n), slices);
        Assert.Contains($"--shard \"${{{{ matrix.shard }}}}/{n}\"", workflow);
        Assert.Contains($"reproduction.shard-${{{{ matrix.shard }}}}-of-{n}.json", workflow);
        Assert.Contains($"./course reproduce merge slices/reproduction.shard-*-of-{n}.json", workflow);
    }
}
