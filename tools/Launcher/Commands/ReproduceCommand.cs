using System.Diagnostics;
using System.Text.RegularExpressions;
using MnistCourse.NotebookFormat;
using MnistCourse.NotebookEngine.Running;
using MnistCourse.Reporting;
using MnistCourse.Launcher.Reproduction;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course reproduce`: each run of a lesson at a seed is its own runner process, as many at once as there are cores
/// (torch's threads split between them). artifacts/reproduction.json is rewritten after every run, so an interrupted
/// reproduction keeps what it measured and --resume finishes it.
/// </summary>
internal static partial class ReproduceCommand
{
    private sealed record Job(string Lesson, int Seed, IReadOnlyList<Tutorial> Tutorials);

    private sealed record Running(Job Job, Process Process, string Log, string Results)
    {
        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        /// <summary>"epoch 7/20", from the run's output as it arrives.</summary>
        public string Epoch { get; set; } = "starting";
    }

    public static string FilePath => Path.Combine(Repo.Artifacts, ReproductionFile.FileName);
    private static string RunsFolder => Path.Combine(Repo.Artifacts, "reproduction");

    private static readonly Option<int> Seeds = CourseCommandLine.WholeNumber("--seeds", 1, "How many seeds per tutorial: 0..N-1.", defaultValue: 5);
    private static readonly Option<bool> Quick = new("--quick") { Description = "Quick lesson runs: checks the machinery, no verdict." };
    private static readonly Option<bool> Resume = new("--resume") { Description = "Continue the reproduction in artifacts/reproduction.json: run only what it lacks." };
    private static readonly Option<int> Jobs = CourseCommandLine.WholeNumber("--jobs", 1, "Runs at once (default: the number of cores; torch's threads split between them).");
    private static readonly Argument<string[]> Tutorials = new Argument<string[]>("TUTORIAL")
    {
        Description = "Which tutorials (default: all).", Arity = ArgumentArity.ZeroOrMore,
    }.AcceptOnlyFromAmong([.. Tutorial.All.Select(t => t.Id)]);

    public static readonly Command Command = new Command("reproduce",
        "Train each tutorial at seeds 0..N-1 (several runs at once), then per tutorial mean, SD, 95% CI, min–max and the verdict; " +
        "artifacts/reproduction.json after every run.")
    { Seeds, Quick, Resume, Jobs, Tutorials }.WithAction(parsed => Run(Options(parsed)));

    internal static ReproduceOptions Options(ParseResult parsed)
    {
        var tutorials = parsed.GetValue(Tutorials)!.Distinct().Select(Tutorial.Get).ToList();
        return new(parsed.GetValue(Seeds), parsed.GetValue(Quick), parsed.GetValue(Resume), parsed.GetResult(Jobs) is null ? null : parsed.GetValue(Jobs),
                   tutorials.Count == 0 ? Tutorial.All : tutorials);
    }

    private static int Run(ReproduceOptions options)
    {
        int setup = SetupCommand.Run(quiet: true);
        if (setup != 0) return setup;

        var file = StartFile(options);
        var jobs = Plan(options, file);
        int jobsAtOnce = Math.Max(1, Math.Min(options.Jobs ?? Environment.ProcessorCount, Math.Max(1, jobs.Count)));
        int threads = Math.Max(1, Environment.ProcessorCount / jobsAtOnce);
        if (jobs.Count > 0) file = file with { ParallelRuns = jobsAtOnce, ThreadsPerRun = threads }; // how the runs are made; kept when none is left
        file.Save(FilePath);

        Console.WriteLine($"Reproduction{(options.Quick ? " (QUICK: checks the machinery, no verdict)" : "")}: " +
                          $"{string.Join(", ", options.Tutorials.Select(t => t.Id))} × seeds 0–{options.Seeds - 1}: {jobs.Count} lesson run(s) to do" +
                          $"{(file.Runs.Count > 0 ? $", {file.Runs.Count} tutorial result(s) kept from before" : "")}; " +
                          $"{jobsAtOnce} at once, {threads} torch thread(s) each. Logs and executed copies: {Path.GetRelativePath(Repo.Root, RunsFolder)}/");
        Directory.CreateDirectory(RunsFolder);

        var clock = Stopwatch.StartNew();
        var pending = new Queue<Job>(jobs);
        var running = new List<Running>();
        var durations = new Dictionary<string, List<double>>();
        int done = 0, failed = 0;
        string lastStatus = "";
        while (pending.Count > 0 || running.Count > 0)
        {
            while (running.Count < jobsAtOnce && pending.Count > 0)
                running.Add(Start(pending.Dequeue(), options.Quick, threads));

            foreach (var finished in running.Where(r => r.Process.HasExited).ToList())
            {
                running.Remove(finished);
                var (ok, added) = Collect(finished, options.Quick);
                foreach (var run in added) file = file.With(run);
                file.Save(FilePath);
                done++;
                if (!ok) failed++;
                (durations.TryGetValue(finished.Job.Lesson, out var list) ? list : durations[finished.Job.Lesson] = []).Add(finished.Clock.Elapsed.TotalSeconds);
                Console.WriteLine($"  {(ok ? "✓" : "✗")} {finished.Job.Lesson} seed {finished.Job.Seed} in {Minutes(finished.Clock.Elapsed.TotalSeconds)}: " +
                                  (ok ? string.Join(", ", added.Select(r => $"{r.Tutorial} {r.TestAccuracy:0.0000}")) : $"failed, see {Path.GetRelativePath(Repo.Root, finished.Log)}"));
            }

            // A line when a run starts a new epoch, not every second the estimate moves.
            var (state, eta) = Status(done, jobs.Count, running, pending, durations, jobsAtOnce);
            if (state != lastStatus && running.Count > 0)
            {
                Console.WriteLine($"  [{Minutes(clock.Elapsed.TotalSeconds)}] {state} · {eta}");
                lastStatus = state;
            }
            Thread.Sleep(1000);
        }

        Console.WriteLine();
        Console.WriteLine($"{done} run(s) in {Minutes(clock.Elapsed.TotalSeconds)} wall time, {jobsAtOnce} at once; {failed} failed.");
        PrintSummary(file, options);
        return failed == 0 ? 0 : 1;
    }

    /// <summary>A fresh file, or with --resume the one on disk (of the same kind of run); an earlier file is never overwritten unseen.</summary>
    private static ReproductionFile StartFile(ReproduceOptions options)
    {
        var fresh = new ReproductionFile(options.Quick, 1, 1, DateTime.UtcNow.ToString("O"), []);
        if (!File.Exists(FilePath)) return fresh;
        if (options.Resume)
        {
            var kept = ReproductionFile.Load(FilePath);
            if (kept.Quick != options.Quick)
                throw new ArgumentException($"{FilePath} holds a {(kept.Quick ? "quick" : "full")} reproduction; --resume continues it only with{(kept.Quick ? "" : "out")} --quick.");
            return kept;
        }
        var previous = Path.Combine(Repo.Artifacts, "reproduction.previous.json");
        File.Move(FilePath, previous, overwrite: true);
        Console.WriteLine($"(the earlier {ReproductionFile.FileName} is kept as {Path.GetRelativePath(Repo.Root, previous)})");
        return fresh;
    }

    /// <summary>One job per lesson and seed still missing a result of one of its requested tutorials, seed by seed.</summary>
    private static List<Job> Plan(ReproduceOptions options, ReproductionFile file) =>
        Enumerable.Range(0, options.Seeds)
            .SelectMany(seed => options.Tutorials.GroupBy(t => t.Lesson).Select(g => new Job(g.Key, seed, g.ToList())))
            .Where(job => job.Tutorials.Any(t => !file.Runs.Any(r => r.Tutorial == t.Id && r.Seed == job.Seed)))
            .ToList();

    private static Running Start(Job job, bool quick, int threads)
    {
        var name = $"{job.Lesson}-seed{job.Seed}{(quick ? "-quick" : "")}";
        var log = Path.Combine(RunsFolder, name + ".log");
        var results = Path.Combine(RunsFolder, name + ".results.jsonl");
        File.Delete(results);
        var notebook = Path.Combine(Repo.Notebooks, job.Lesson + ".ipynb");
        var arguments = RunCommand.RunnerArguments(notebook, Path.Combine(RunsFolder, name + ".ipynb"), quick);
        // A lesson that saves its model (lesson 2) saves this run's beside the log, never over the one lesson 3 loads.
        if (ParametersCell.Find(Notebook.Load(notebook)) is { } cell && ParametersCell.Declarations(cell).Any(d => d.Name == "weightsPath"))
            arguments.AddRange(["--set", "weightsPath=" + Path.Combine(RunsFolder, name + ".weights")]);

        var psi = ChildProcess.StartInfo("dotnet", arguments, new Dictionary<string, string>
        {
            [Course.SeedVariable] = job.Seed.ToString(), [Course.ResultsVariable] = results, [Course.ThreadsVariable] = threads.ToString(),
        });
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        var process = Process.Start(psi)!;
        var running = new Running(job, process, log, results);
        var writer = new StreamWriter(log) { AutoFlush = true };
        var gate = new object();
        void Append(string? line)
        {
            if (line is null) return;
            lock (gate) writer.WriteLine(line);
            if (EpochLine().Match(line) is { Success: true } m) running.Epoch = $"epoch {m.Groups[1].Value}/{m.Groups[2].Value}";
        }
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Exited += (_, _) => { process.WaitForExit(); lock (gate) writer.Dispose(); };
        process.EnableRaisingEvents = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    private static (bool ok, List<SeedRun> runs) Collect(Running run, bool quick)
    {
        run.Process.WaitForExit();
        var reported = RunCommand.ReadResults(run.Results)
            .Where(r => run.Job.Tutorials.Any(t => t.Id == r.Tutorial))
            .Select(r => new SeedRun(r.Tutorial, run.Job.Seed, quick, r.TestAccuracy, r.TestLoss, r.Epochs, r.TrainSeconds,
                                     $"notebooks/{run.Job.Lesson}.ipynb", DateTime.UtcNow.ToString("O")))
            .ToList();
        return (run.Process.ExitCode == 0 && reported.Count == run.Job.Tutorials.Count, reported);
    }

    [GeneratedRegex(@"^Epoch (\d+)/(\d+)")]
    private static partial Regex EpochLine();

    /// <summary>"3/10 runs done · 04-lenet seed 1: epoch 7/20 · … · about 11 min left".</summary>
    private static (string state, string eta) Status(int done, int total, List<Running> running, Queue<Job> pending, Dictionary<string, List<double>> durations, int jobsAtOnce)
    {
        var parts = running.Select(r => $"{r.Job.Lesson} seed {r.Job.Seed}: {r.Epoch}");
        double? Estimate(string lesson) => durations.TryGetValue(lesson, out var d) && d.Count > 0 ? d.Average() : null;
        var left = running.Select(r => Estimate(r.Job.Lesson) is { } e ? Math.Max(0, e - r.Clock.Elapsed.TotalSeconds) : (double?)null)
            .Concat(pending.Select(j => Estimate(j.Lesson))).ToList();
        var eta = left.Any(x => x is null) ? "time left: after each lesson's first run" : $"about {Minutes(left.Sum(x => x!.Value) / jobsAtOnce)} left";
        return ($"{done}/{total} runs done · {string.Join(" · ", parts)}", eta);
    }

    private static string Minutes(double seconds) => seconds < 60 ? $"{seconds:0} s" : $"{(int)(seconds / 60)} min {seconds % 60:00} s";

    internal static void PrintSummary(ReproductionFile file, ReproduceOptions options)
    {
        foreach (var line in ReproductionTable.Lines(file, options.Tutorials)) Console.WriteLine(line);
    }
}

internal sealed record ReproduceOptions(int Seeds, bool Quick, bool Resume, int? Jobs, IReadOnlyList<Tutorial> Tutorials);
