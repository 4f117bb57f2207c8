using System.Diagnostics;
using System.Text.RegularExpressions;
using MnistCourse.NotebookEngine.Running;
using MnistCourse.NotebookFormat;
using MnistCourse.Launcher.Commands;
using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Reproduction;

/// <summary>
/// One lesson run of a reproduction as its own runner process: started with the seed, results file and torch threads in its
/// environment, its output teed to a log (and its epoch read from it), its end awaited without polling, disposed once
/// collected; started through the course's one process helper (<see cref="ExternalProgram"/>), which ends its tree on a stop.
/// </summary>
internal sealed partial class LessonProcess : IDisposable
{
    private readonly StreamWriter log;
    private readonly object gate = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task<ExternalProgramResult> run;

    /// <summary>The parameter a lesson reads to know it runs for a reproduction (README, Reproduction).</summary>
    public const string ReproductionParameter = "reproduction";

    public LessonJob Job { get; }
    public string LogPath { get; }
    public string ResultsPath { get; }
    public Stopwatch Clock { get; } = Stopwatch.StartNew();

    /// <summary>"epoch 7/20", from the run's output as it arrives.</summary>
    public string Epoch { get; private set; } = "starting";

    /// <summary>Completes when the process has exited and its output is all in the log.</summary>
    public Task Exited { get; }

    public LessonProcess(LessonJob job, string runsFolder, bool quick, int threads)
    {
        Job = job;
        var name = job.Name(quick);
        LogPath = Path.Combine(runsFolder, name + ".log");
        ResultsPath = Path.Combine(runsFolder, name + ".results.jsonl");
        File.Delete(ResultsPath);
        var arguments = RunnerArguments(Path.Combine(Repo.Notebooks, job.Lesson + ".ipynb"), runsFolder, name, quick);

        log = new StreamWriter(LogPath) { AutoFlush = true };
        var program = ChildProcess.Program("dotnet", arguments, new Dictionary<string, string>
        {
            [Course.SeedVariable] = job.Seed.ToString(), [Course.ResultsVariable] = ResultsPath, [Course.ThreadsVariable] = threads.ToString(),
        }) with { OnOutputLine = Append, OnErrorLine = Append };
        run = program.RunAsync(stop.Token);
        Exited = run.ContinueWith(_ => { lock (gate) log.Dispose(); }, TaskScheduler.Default);
    }

    /// <summary>The runner's command line for one run of <paramref name="notebook"/>, with the parameters it declares set for a reproduction.</summary>
    internal static List<string> RunnerArguments(string notebook, string runsFolder, string name, bool quick)
    {
        var arguments = RunCommand.RunnerArguments(notebook, Path.Combine(runsFolder, name + ".ipynb"), quick);
        var declared = ParametersCell.Find(Notebook.Load(notebook)) is { } cell ? ParametersCell.Declarations(cell).Select(d => d.Name).ToHashSet() : [];
        // A lesson that saves its model (lesson 2) saves this run's beside the log, never over the one lesson 3 loads.
        if (declared.Contains("weightsPath"))
            arguments.AddRange(["--set", "weightsPath=" + Path.Combine(runsFolder, name + ".weights")]);
        // A lesson that declares `bool reproduction = false;` in its parameters cell skips its comparison cells here
        // (`if (!reproduction)`): they train other networks, draw no figure of the tutorial and cost minutes a seed.
        if (declared.Contains(ReproductionParameter))
            arguments.AddRange(["--set", ReproductionParameter + "=true"]);
        return arguments;
    }

    private void Append(string line)
    {
        lock (gate) log.WriteLine(line);
        if (EpochLine().Match(line) is { Success: true } m) Epoch = $"epoch {m.Groups[1].Value}/{m.Groups[2].Value}";
    }

    /// <summary>After <see cref="Exited"/>: whether the run succeeded with every tutorial reported, and what it measured.</summary>
    public (bool ok, List<SeedRun> runs) Collect(bool quick)
    {
        var reported = RunCommand.ReadResults(ResultsPath)
            .Where(r => Job.Tutorials.Any(t => t.Id == r.Tutorial))
            .Select(r => new SeedRun(r.Tutorial, Job.Seed, quick, r.TestAccuracy, r.TestLoss, r.Epochs, r.TrainSeconds,
                                     $"notebooks/{Job.Lesson}.ipynb", DateTime.UtcNow.ToString("O")))
            .ToList();
        return (run.IsCompletedSuccessfully && run.Result.ExitCode == 0 && reported.Count == Job.Tutorials.Count, reported);
    }

    /// <summary>Ends the run's process tree if it still runs (only when the reproduction itself stops early).</summary>
    public void Dispose()
    {
        if (!run.IsCompleted)
        {
            stop.Cancel();
            Exited.Wait(TimeSpan.FromSeconds(15));
        }
        stop.Dispose();
    }

    [GeneratedRegex(@"^Epoch (\d+)/(\d+)")]
    private static partial Regex EpochLine();
}
