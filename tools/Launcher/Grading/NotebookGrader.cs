using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using MnistCourse.NotebookFormat;

namespace MnistCourse.Launcher.Grading;

/// <summary>How every notebook of a grading run is run: the same for the whole class.</summary>
/// <param name="TimeLimit">How long one notebook may run; past it the process is stopped and its row says so.</param>
/// <param name="Seed">The lessons' seed (<c>MNISTCOURSE_SEED</c>), the same for everyone.</param>
/// <param name="HiddenSeed">The seed of the hidden inputs of coding checks (<c>MNISTCOURSE_HIDDEN_SEED</c>).</param>
internal sealed record GradingSettings(TimeSpan TimeLimit, int Seed, int HiddenSeed);

/// <summary>What one learner's notebook got: a mark per exercise of its lesson, and what went wrong, if anything.</summary>
internal sealed record NotebookGrade(string Lesson, IReadOnlyDictionary<string, Mark> Marks, string? Problem, TimeSpan Took);

/// <summary>
/// Grades one learner's notebook: a copy is staged in the learner's working folder (the original is never touched)
/// with the course lesson's quick settings, run headless by the course's runner in its own process (in the
/// <see cref="Sandbox"/>), stopped at the time limit, and its executed copy read for the checks' records.
/// </summary>
internal sealed class NotebookGrader(GradingSettings settings, Sandbox sandbox, LessonCatalog lessons)
{
    /// <summary>Time the runner gets past its own cell time limit to write the executed copy before it is stopped.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    /// <summary>A notebook's <c>#r</c> of the course library by a relative path; staged copies sit one folder below the library's lib/.</summary>
    private static readonly Regex CourseLibrary = new(@"#r\s+""(\.\./)+lib/bin/MnistCourse\.dll""");

    /// <param name="workFolder">The learner's working folder: the only place the notebook can write.</param>
    public NotebookGrade Grade(string notebookPath, string workFolder)
    {
        var clock = Stopwatch.StartNew();
        var lesson = Submission.LessonOf(notebookPath);
        var course = lessons.Find(lesson) ?? throw new InvalidOperationException($"{lesson} is not a lesson of the course");
        NotebookGrade Result(IReadOnlyDictionary<string, Mark> marks, string? problem) => new(lesson, marks, problem, clock.Elapsed);

        Notebook notebook;
        try
        {
            notebook = Notebook.Load(notebookPath);
        }
        catch (NotebookFormatException e)
        {
            return Result(new Dictionary<string, Mark>(), $"{lesson}: not a valid notebook ({OneLine(e.Message[(e.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..])})");
        }
        // The course's quick settings, whatever the learner's copy says: no training longer than the lesson's --quick.
        if (course.Metadata["mnistcourse"]?["quick"] is { } quick) notebook.Metadata["mnistcourse"] = new JsonObject { ["quick"] = quick.DeepClone() };
        else notebook.Metadata.Remove("mnistcourse");
        // The course's library, wherever the copy pointed at it (a notebook kept in notebooks/solutions/ says ../../lib).
        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Code && CourseLibrary.IsMatch(c.Source)))
            cell.Json["source"] = CourseLibrary.Replace(cell.Source, "#r \"../lib/bin/MnistCourse.dll\"");
        var staged = Path.Combine(workFolder, "notebooks", lesson + ".ipynb");
        var executed = Path.Combine(workFolder, "executed", lesson + ".ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        Directory.CreateDirectory(Path.GetDirectoryName(executed)!);
        Directory.CreateDirectory(Path.Combine(workFolder, "lib"));
        File.Delete(executed);
        notebook.Save(staged);

        // Without a parameters cell there is nothing the quick settings could set (the runner would refuse them).
        var quickRun = notebook.Cells.Any(c => c.HasTag("parameters"));
        var (exit, stopped, errorLine) = Run(staged, executed, quickRun, workFolder, Path.Combine(workFolder, "logs", lesson + ".log"));
        var read = File.Exists(executed) ? TryRead(executed) : null;
        var marks = read?.Marks ?? new Dictionary<string, Mark>();
        var problem = stopped ? $"{lesson}: did not finish within {settings.TimeLimit.TotalSeconds:0} s and was stopped (an endless loop?)"
            : read?.FirstError is { } error ? $"{lesson}: {OneLine(error)}"
            : exit != 0 ? $"{lesson}: the runner failed (exit {exit}): {OneLine(errorLine)}"
            : read is null ? $"{lesson}: the executed copy is missing or unreadable"
            : null;
        return Result(marks, problem);
    }

    /// <summary>Runs the course's runner on the staged copy; the exit code, whether it was stopped, its last stderr line.</summary>
    private (int Exit, bool Stopped, string LastError) Run(string staged, string executed, bool quick, string workFolder, string logFile)
    {
        var limit = settings.TimeLimit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] arguments = [Repo.RunnerDll, "run", staged, "--out", executed, .. quick ? ["--quick"] : Array.Empty<string>(), "--cell-timeout", limit];
        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        using var log = new StreamWriter(logFile) { AutoFlush = true };
        var lastError = "";
        var program = sandbox.Start("dotnet", arguments, workFolder, Environment(workFolder),
                                    [(Path.GetDirectoryName(Repo.LibraryDll)!, Path.Combine(workFolder, "lib", "bin"))]) with
        {
            TimeLimit = settings.TimeLimit + Grace,   // the whole tree is ended past it
            OnOutputLine = line => { lock (log) log.WriteLine(line); },
            OnErrorLine = line =>
            {
                lock (log) log.WriteLine(line);
                if (line.Trim().Length > 0) lastError = line;
            },
        };
        var result = program.Run();
        return (result.TimedOut ? -1 : result.ExitCode, result.TimedOut, lastError);
    }

    /// <summary>
    /// The learner's process gets these variables and no others: the seeds, MNIST and the .NET/NuGet paths; its home,
    /// temporary files and artifacts are in its working folder (the real home is hidden in the sandbox).
    /// </summary>
    private Dictionary<string, string> Environment(string workFolder)
    {
        var temp = Directory.CreateDirectory(Path.Combine(workFolder, "tmp")).FullName;
        var home = Directory.CreateDirectory(Path.Combine(workFolder, "home")).FullName;   // dotnet's first-run files, NuGet's caches
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["LANG"] = "C.UTF-8",
            ["TMPDIR"] = temp,
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["NUGET_PACKAGES"] = NuGetPackages,
            ["MNIST_DIR"] = MnistFolder,
            [CoursePaths.ArtifactsVariable] = Path.Combine(workFolder, "artifacts"),
            [Course.SeedVariable] = settings.Seed.ToString(),
            [Exercises.Check.HiddenSeedVariable] = settings.HiddenSeed.ToString(),
        };
        foreach (var name in new[] { "DOTNET_ROOT", Course.ThreadsVariable })
            if (System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value) environment[name] = value;
        return environment;
    }

    /// <summary>The NuGet packages folder the notebooks' <c>#r "nuget: …"</c> restore from (read-only in the sandbox).</summary>
    public static string NuGetPackages => System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
        ? set : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    public static string MnistFolder => Data.MnistPaths.DefaultFolder();

    private static ExecutedNotebook? TryRead(string path)
    {
        try
        {
            return ExecutedNotebook.Read(path);
        }
        catch (NotebookFormatException)
        {
            return null;
        }
    }

    /// <summary>A message as one short line for the gradebook's reason column.</summary>
    private static string OneLine(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim())).Trim();
        return line.Length > 200 ? line[..197] + "..." : line;
    }
}
