using MnistCourse.Launcher.Reproduction;
using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course reproduce`: each run of a lesson at a seed is its own runner process (<see cref="LessonProcess"/>), as many at once
/// as --jobs (default: the cores), torch's threads split between them (<see cref="LessonScheduler"/>). The reproduction file
/// is locked while the command runs and rewritten after every run, so an interrupted reproduction keeps what it measured and
/// --resume finishes it. `--shard K/N` runs one slice of the runs (its
/// own file), `merge` joins the slices' files, `--with-reference` adds the Keras-faithful port's runs and the equivalence test.
/// </summary>
internal static class ReproduceCommand
{
    private static string RunsFolder => Path.Combine(Repo.Artifacts, "reproduction");

    private static readonly Option<int> Seeds = CourseCommandLine.WholeNumber("--seeds", 1, "How many seeds per tutorial: 0..N-1.", defaultValue: 5);
    private static readonly Option<bool> Quick = new("--quick") { Description = "Quick lesson runs: checks the machinery, no verdict." };
    private static readonly Option<bool> Resume = new("--resume") { Description = "Continue the reproduction in its file: run only what it lacks." };
    private static readonly Option<int> Jobs = CourseCommandLine.WholeNumber("--jobs", 1,
        "Runs at once (default: the number of cores); each run gets cores/jobs torch threads, whatever the number of runs left, so a seed's figures never depend on the plan.");
    private static readonly Option<Shard> ShardOption = new("--shard")
    {
        Description = "Run only slice K of N of the (lesson, seed) runs, into artifacts/reproduction.shard-K-of-N.json (join the slices with `reproduce merge`).",
        HelpName = "K/N", DefaultValueFactory = _ => Shard.Whole,
        CustomParser = result =>
        {
            try { return Shard.Parse(result.Tokens.Single().Value); }
            catch (FormatException e) { result.AddError(e.Message); return Shard.Whole; }
        },
    };
    private static readonly Option<bool> WithReference = new("--with-reference")
    {
        Description = "Also train the same seeds through the Keras-faithful PyTorch port (tools/Reference; Debian's python3-torch) and test the two for equivalence (TOST, ±0.15 points).",
    };
    private static readonly Option<int> Budget = CourseCommandLine.WholeNumber("--budget", 1,
        "After the planned seeds, add seeds to tutorials whose mean's 95% CI is wider than ±0.10 points while a run of their lesson (timed from this reproduction's runs) fits in MINUTES of wall time in all.");
    private static readonly Argument<string[]> Tutorials = new Argument<string[]>("TUTORIAL")
    {
        Description = "Which tutorials (default: all).", Arity = ArgumentArity.ZeroOrMore,
    }.AcceptOnlyFromAmong([.. Tutorial.All.Select(t => t.Id)]);

    public static readonly Command Command = new Command("reproduce",
        "Train each tutorial at seeds 0..N-1 (several runs at once), then per tutorial mean, SD, 95% CI, the 95% prediction interval of one run and the verdict; " +
        "artifacts/reproduction.json after every run.")
    { Seeds, Quick, Resume, Jobs, ShardOption, WithReference, Budget, Tutorials, MergeCommand.Command }.WithAction(parsed => Run(Options(parsed)));

    internal static ReproduceOptions Options(ParseResult parsed)
    {
        var tutorials = parsed.GetValue(Tutorials)!.Distinct().Select(Tutorial.Get).ToList();
        return new(parsed.GetValue(Seeds), parsed.GetValue(Quick), parsed.GetValue(Resume), parsed.GetResult(Jobs) is null ? null : parsed.GetValue(Jobs),
                   tutorials.Count == 0 ? Tutorial.All : tutorials, parsed.GetValue(ShardOption) ?? Shard.Whole, parsed.GetValue(WithReference),
                   parsed.GetResult(Budget) is null ? null : parsed.GetValue(Budget));
    }

    private static int Run(ReproduceOptions options)
    {
        if (options.BudgetMinutes is not null && options.Shard.Count > 1)
        {
            Console.Error.WriteLine("reproduce: --budget adds seeds as results come in, which slices cannot agree on; use it without --shard.");
            return 2;
        }
        int setup = SetupCommand.Run(quiet: true);
        if (setup != 0) return setup;

        var path = Path.Combine(Repo.Artifacts, options.Shard.FileName);
        using var writer = FileLock.Acquire(path + ".lock", TimeSpan.FromHours(24), line => Console.WriteLine(
            $"course reproduce: {line}; another reproduction is writing {Path.GetFileName(path)}, this one starts when it ends (Ctrl+C to stop)."));
        var file = StartFile(options, path);
        var jobs = ReproductionPlan.ToDo(options.Seeds, options.Tutorials, options.Shard, file);
        int jobsAtOnce = Math.Max(1, options.Jobs ?? Environment.ProcessorCount);
        int threads = Math.Max(1, Environment.ProcessorCount / jobsAtOnce);
        if (jobs.Count > 0) file = file with { ParallelRuns = jobsAtOnce, ThreadsPerRun = threads }; // how the runs are made; kept when none is left
        file.Save(path);

        Console.WriteLine($"Reproduction{(options.Quick ? " (QUICK: checks the machinery, no verdict)" : "")}" +
                          $"{(options.Shard.Count > 1 ? $", slice {options.Shard}" : "")}: " +
                          $"{string.Join(", ", options.Tutorials.Select(t => t.Id))} × seeds 0–{options.Seeds - 1}: {jobs.Count} lesson run(s) to do" +
                          $"{(file.Runs.Count > 0 ? $", {file.Runs.Count} tutorial result(s) kept from before" : "")}; " +
                          $"{jobsAtOnce} at once, {threads} torch thread(s) each. Logs and executed copies: {Path.GetRelativePath(Repo.Root, RunsFolder)}/");
        Directory.CreateDirectory(RunsFolder);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var progress = new ReproductionProgress(jobs.Count, jobsAtOnce);
        int done = 0, failed = 0;
        void Finished(LessonProcess run)
        {
            var (ok, added) = run.Collect(options.Quick);
            foreach (var seedRun in added) file = file.With(seedRun);
            file.Save(path);
            done++;
            if (!ok) failed++;
            Console.WriteLine($"  {(ok ? "✓" : "✗")} {run.Job.Lesson} seed {run.Job.Seed} in {ReproductionProgress.Minutes(run.Clock.Elapsed.TotalSeconds)}: " +
                              (ok ? string.Join(", ", added.Select(r => $"{r.Tutorial} {r.TestAccuracy:0.0000}")) : $"failed, see {Path.GetRelativePath(Repo.Root, run.LogPath)}"));
        }
        List<LessonJob> MoreSeeds(IReadOnlyCollection<LessonJob> busy)
        {
            if (options.BudgetMinutes is not { } budget) return [];
            var more = PrecisionSeeds.Next(file, options.Tutorials, progress.LessonSeconds, budget * 60 - clock.Elapsed.TotalSeconds, busy);
            foreach (var job in more)
                Console.WriteLine($"  + {job.Lesson} seed {job.Seed}: {string.Join(", ", job.Tutorials.Select(t => t.Id))} not yet within ±0.10 points (95% CI)");
            return more;
        }
        new LessonScheduler(jobsAtOnce, threads, RunsFolder, options.Quick).Run(jobs, Finished, progress, MoreSeeds);

        Console.WriteLine();
        Console.WriteLine($"{done} run(s) in {ReproductionProgress.Minutes(clock.Elapsed.TotalSeconds)} wall time, {jobsAtOnce} at once; {failed} failed.");
        if (options.WithReference)
        {
            var wanted = options.Shard.Select(ReproductionPlan.All(options.Seeds, options.Tutorials)).SelectMany(j => j.Tutorials.Select(t => (t, j.Seed)));
            file = ReferenceRuns.RunMissing(file, wanted, options.Quick, jobsAtOnce, threads, f => f.Save(path));
        }
        foreach (var line in ReproductionTable.Lines(file, options.Tutorials)) Console.WriteLine(line);
        if (options.Shard.Count > 1)
            Console.WriteLine($"Slice {options.Shard} written to {Path.GetRelativePath(Repo.Root, path)}; join the slices with ./course reproduce merge FILES…");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>A fresh file, or with --resume the one on disk (of the same kind of run); an earlier file is never overwritten unseen.</summary>
    private static ReproductionFile StartFile(ReproduceOptions options, string path)
    {
        var fresh = new ReproductionFile(options.Quick, 1, 1, DateTime.UtcNow.ToString("O"), []);
        if (!File.Exists(path)) return fresh;
        if (options.Resume)
        {
            var kept = ReproductionFile.Load(path);
            if (kept.Quick != options.Quick)
                throw new ArgumentException($"{path} holds a {(kept.Quick ? "quick" : "full")} reproduction; --resume continues it only with{(kept.Quick ? "" : "out")} --quick.");
            return kept;
        }
        var previous = Path.ChangeExtension(path, ".previous.json");
        File.Move(path, previous, overwrite: true);
        Console.WriteLine($"(the earlier {Path.GetFileName(path)} is kept as {Path.GetRelativePath(Repo.Root, previous)})");
        return fresh;
    }
}

/// <param name="Shard">Which slice of the runs; <see cref="Reproduction.Shard.Whole"/> for all of them.</param>
/// <param name="BudgetMinutes">--budget: wall time within which imprecise tutorials get more seeds; null: the planned seeds only.</param>
internal sealed record ReproduceOptions(int Seeds, bool Quick, bool Resume, int? Jobs, IReadOnlyList<Tutorial> Tutorials, Shard Shard,
                                        bool WithReference = false, int? BudgetMinutes = null);
