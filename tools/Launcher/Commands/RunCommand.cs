using System.Diagnostics;
using MnistCourse.Launcher.Support;
using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course run`: each lesson runs in its own runner process (one failing notebook does not stop the others);
/// `--seed` replaces the default seed 0 of every lesson's setup cell.
/// </summary>
internal static class RunCommand
{
    private static readonly Option<bool> Quick = new("--quick") { Description = "Fewer epochs and images: checks that every cell runs; the figures are not comparable with the published ones." };
    private static readonly Option<int> Seed = CourseCommandLine.WholeNumber("--seed", 0, "Another random start than the default 0, to see a result's spread.");
    private static readonly Option<string[]> Sets = new("--set") { Description = "Override a parameter of the lessons' parameters cell (repeatable).", HelpName = "name=value" };
    private static readonly Option<string> CellTimeout = new("--cell-timeout") { Description = "Per-cell time limit of the runner (default 1800).", HelpName = "SECONDS" };
    private static readonly Argument<string[]> Notebooks = NotebookArgument.Create("Lessons to run (a path, or a name in notebooks/); default: all.");

    public static readonly Command Command = new Command("run",
        "Set up if needed, execute the lessons headless (executed copies in artifacts/), print the reproduction table (also artifacts/results.json).")
    { Quick, Seed, Sets, CellTimeout, Notebooks }.WithAction(Run);

    private static int Run(ParseResult parsed)
    {
        bool quick = parsed.GetValue(Quick);
        int? seed = parsed.GetResult(Seed) is null ? null : parsed.GetValue(Seed);
        var notebooks = NotebookArgument.Resolve(parsed.GetValue(Notebooks)!);
        using var writer = ArtifactsLock.Take(Repo.Artifacts, "run");
        int setup = SetupCommand.Run(quiet: false);
        if (setup != 0) return setup;
        if (notebooks.Count == 0)
        {
            Console.Error.WriteLine("course run: no notebooks in notebooks/.");
            return 2;
        }

        // Each run collects the lessons' reports in its own folder: two runs at once must not mix their figures.
        var resultsDir = Directory.CreateTempSubdirectory("mnistcourse-results-").FullName;
        var runs = new List<NotebookRun>();
        var tutorials = new List<LessonResult>();
        foreach (var notebook in notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(notebook);
            var output = CoursePaths.ExecutedCopy(notebook);
            var resultsFile = Path.Combine(resultsDir, Path.GetFileNameWithoutExtension(output) + ".jsonl");
            Console.WriteLine($"\n=== {name}{(quick ? " (quick)" : "")} ===");
            var runnerArgs = RunnerArguments(notebook, output, quick);
            foreach (var set in parsed.GetValue(Sets) ?? []) runnerArgs.AddRange(["--set", set]);
            if (parsed.GetValue(CellTimeout) is { } timeout) runnerArgs.AddRange(["--cell-timeout", timeout]);
            var clock = Stopwatch.StartNew();
            var environment = new Dictionary<string, string> { [Course.ResultsVariable] = resultsFile };
            if (seed is not null) environment[Course.SeedVariable] = seed.Value.ToString();
            int exit = ChildProcess.Run("dotnet", runnerArgs, environment: environment);
            var lesson = Path.GetRelativePath(Repo.Root, notebook);
            var executed = Path.GetRelativePath(Repo.Root, output);
            runs.Add(new NotebookRun(lesson, executed, exit == 0, exit, clock.Elapsed.TotalSeconds));
            tutorials.AddRange(ReadResults(resultsFile).Select(t => t with { Notebook = lesson })); // for the site's index
        }

        Directory.Delete(resultsDir, recursive: true);
        PrintTable(runs, tutorials, quick, seed ?? 0);
        // Merged into artifacts/results.json: only the lessons and tutorials this run measured are replaced.
        ResultsFile.Record(Path.Combine(Repo.Artifacts, ResultsFile.FileName), quick, seed ?? 0,
            runs.Select(r => r with { Seconds = Math.Round(r.Seconds, 1) }).ToList(), tutorials);

        try
        {
            Console.WriteLine(MnistCourse.Site.CourseSite.Build(Repo.Artifacts, Path.Combine(Repo.Artifacts, "site")));
        }
        catch (MnistCourse.Site.SiteBuildException e)
        {
            Console.Error.WriteLine("course run: the site was not built: " + e.Message);
        }

        // The exit code says whether every lesson ran. A full run below a floor is one seed's measurement, printed
        // above; whether a tutorial is reproduced is decided over several seeds by ./course reproduce.
        return runs.All(r => r.ExitCode == 0) ? 0 : 1;
    }

    /// <summary>The runner's command line executing <paramref name="notebook"/> into <paramref name="output"/>.</summary>
    internal static List<string> RunnerArguments(string notebook, string output, bool quick) =>
        [Repo.RunnerDll, "run", notebook, "--out", output, .. quick ? ["--quick"] : Array.Empty<string>()];

    /// <summary>
    /// The tutorials a run reported, one JSON line each in its results file; none when it wrote no file. A line cut short
    /// (a full disk, a killed run) is skipped with a line on stderr, so the other results still reach results.json.
    /// </summary>
    internal static List<LessonResult> ReadResults(string path, TextWriter? warnings = null)
    {
        if (!File.Exists(path)) return [];
        var results = new List<LessonResult>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            try
            {
                results.Add(LessonResult.FromJson(lines[i]));
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException)
            {
                (warnings ?? Console.Error).WriteLine($"course: {path} line {i + 1} is not a complete result (cut short by a full disk or a killed run?), skipped: {e.Message}");
            }
        }
        return results;
    }

    private static void PrintTable(IReadOnlyList<NotebookRun> runs, IReadOnlyList<LessonResult> tutorials, bool quick, int seed)
    {
        Console.WriteLine();
        Console.WriteLine(quick
            ? "Reproduction table — QUICK run (fewer epochs and images): these figures check that every cell runs; they are not comparable with the published ones."
            : seed == 0 ? "Reproduction table — full run, default seed (0)" : $"Reproduction table — full run, seed {seed}");
        Console.WriteLine($"{"tutorial",-24} {"published",9} {"floor",7} {"measured",9} {"test loss",9} {"epochs",7} {"images",7} {"train s",8} {"ms/step",8}  verdict");
        foreach (var t in tutorials)
        {
            Console.WriteLine($"{t.Title,-24} {t.PublishedAccuracy,9:0.0000} {t.Floor,7:0.0000} {t.TestAccuracy,9:0.0000} {t.TestLoss,9:0.0000} {t.Epochs,3}/{t.PublishedEpochs,-3} {t.TrainImages,7} {t.TrainSeconds,8:0} {t.MillisecondsPerStep,8:0.0}  {t.Verdict}");
        }
        if (tutorials.Count == 0) Console.WriteLine("(no tutorial reported a result)");
        Console.WriteLine();
        foreach (var r in runs)
            Console.WriteLine($"{(r.ExitCode == 0 ? "✓" : "✗")} {r.Notebook,-40} {r.Seconds,6:0} s  → {r.Executed}{(r.ExitCode == 0 ? "" : $"  (runner exit {r.ExitCode})")}");
        Console.WriteLine($"{runs.Count(r => r.ExitCode == 0)} of {runs.Count} notebooks ran; results in artifacts/results.json (earlier lessons' results kept)");
        if (!quick && tutorials.Count > 0)
        {
            var below = tutorials.Where(t => t.FullRun && !t.ReachesFloor).Select(t => t.Title).ToList();
            if (below.Count > 0)
                Console.WriteLine($"Below the floor at seed {seed}: {string.Join(", ", below)}. No seed is picked to pass; one run is one draw.");
            Console.WriteLine("For the verdict over several seeds (mean, spread, reproduced or not), run ./course reproduce.");
        }
    }
}
