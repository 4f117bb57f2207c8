using System.Security.Cryptography;
using MnistCourse.Launcher.Grading;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course grade PATH…`: runs every learner's notebooks headless (one process each, sandboxed where bubblewrap can,
/// quick settings, the same seed, a time limit, hidden inputs for the coding checks) and writes the gradebook:
/// grades.csv and grades.html. `--self` grades a learner's own notebooks/ (copies) and prints what is left.
/// </summary>
internal static class GradeCommand
{
    private static readonly Argument<string[]> Paths = new Argument<string[]>("PATH")
    {
        Description = "Learners' work: a folder per learner (e.g. a clone of their repository: its notebooks/*.ipynb), a class folder " +
                      "holding one such folder per learner, or notebook files (the learner is the folder holding the file, or the " +
                      "folder above a notebooks/ folder). A notebook is graded as the course's lesson of the same file name.",
        Arity = ArgumentArity.ZeroOrMore,
    }.RejectingOptions();
    private static readonly Option<bool> Self = new("--self") { Description = "Grade your own notebooks/ (copies; yours are not touched) and print what is left." };
    private static readonly Option<string> Output = new("--out") { Description = "Where the gradebook goes (default: artifacts/grades, with --self artifacts/grades/self).", HelpName = "DIR" };
    private static readonly Option<int> TimeLimit = CourseCommandLine.WholeNumber("--time-limit", 1, "Seconds one notebook may run before it is stopped (default 300).", 300);
    private static readonly Option<int> Seed = CourseCommandLine.WholeNumber("--seed", 0, "The lessons' seed, the same for every learner (default 0).", 0);
    private static readonly Option<int> HiddenSeed = CourseCommandLine.WholeNumber("--hidden-seed", 0, "The seed of the coding checks' hidden inputs (default: a random one per grading run).");
    private static readonly Option<bool> NoSandbox = new("--no-sandbox") { Description = "Run the notebooks without bubblewrap (they still run in their own processes)." };
    private static readonly Option<bool> WriteClassroom = new("--write-classroom")
    {
        Description = $"Write GitHub Classroom's autograding ({ClassroomFiles.WorkflowPath} and {ClassroomFiles.AutogradingPath}) from the lessons' exercises, and grade nothing.",
    };

    public static readonly Command Command = new Command("grade",
        "Grade learners' notebooks: run each headless, read its exercise checks, write artifacts/grades/grades.csv and grades.html.")
    { Paths, Self, Output, TimeLimit, Seed, HiddenSeed, NoSandbox, WriteClassroom }.WithAction(Run);

    private static int Run(ParseResult parsed)
    {
        var self = parsed.GetValue(Self);
        var paths = parsed.GetValue(Paths) ?? [];
        if (parsed.GetValue(WriteClassroom)) return WriteClassroomFiles();
        if (self == (paths.Length > 0))
        {
            Console.Error.WriteLine(self ? "course grade: --self grades your notebooks/; give no PATH with it."
                                         : "course grade: give learners' folders or notebooks to grade (or --self for your own); see ./course grade --help");
            return 2;
        }
        List<Submission> submissions;
        try
        {
            submissions = self ? [new Submission("you", Submission.Find([Repo.Notebooks]).SelectMany(s => s.Notebooks).ToList())]
                               : Submission.Find(paths);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"course grade: {e.Message}");
            return 2;
        }
        var outFolder = Path.GetFullPath(parsed.GetValue(Output) ?? Path.Combine(Repo.Artifacts, "grades", self ? "self" : ""));
        int setup = SetupCommand.Run(quiet: true);
        if (setup != 0) return setup;

        var hiddenSeed = parsed.GetResult(HiddenSeed) is null ? RandomNumberGenerator.GetInt32(1, int.MaxValue) : parsed.GetValue(HiddenSeed);
        var settings = new GradingSettings(TimeSpan.FromSeconds(parsed.GetValue(TimeLimit)), parsed.GetValue(Seed), hiddenSeed);
        // A learner grading their own notebooks runs their own code: no sandbox to provision for that.
        var sandbox = self ? new Sandbox(false, [], []) : MakeSandbox(!parsed.GetValue(NoSandbox), paths, outFolder);
        var lessons = new LessonCatalog(Repo.Notebooks);
        var log = self ? TextWriter.Null : Console.Out;
        if (!self)
            Console.WriteLine($"Grading {submissions.Count} learner(s): quick settings, seed {settings.Seed}, hidden seed {hiddenSeed}, " +
                              $"{settings.TimeLimit.TotalSeconds:0} s per notebook, {(sandbox.Enabled ? "in a bubblewrap sandbox" : "without a sandbox")}");
        var book = new Grader(new NotebookGrader(settings, sandbox, lessons), lessons, outFolder, log).Grade(submissions);
        if (self) PrintWhatIsLeft(book);
        else
        {
            Console.WriteLine($"{book.Rows.Count} learner(s), {book.MaxPoints} exercise(s); mean {(book.Rows.Count == 0 ? 0 : book.Rows.Average(r => r.Points)):0.0} points");
            Console.WriteLine($"gradebook: {Path.Combine(outFolder, GradebookCsv.FileName)} and {Path.Combine(outFolder, GradebookPage.FileName)}");
        }
        return 0;
    }

    /// <summary>
    /// The sandbox, when asked for and possible: bubblewrap is installed if missing (as `./course setup --for-tests`
    /// installs its tools), and tried once; otherwise one line says the notebooks run without it.
    /// </summary>
    private static Sandbox MakeSandbox(bool wanted, IReadOnlyList<string> classPaths, string outFolder)
    {
        string? why = !wanted ? "--no-sandbox"
            : !Sandbox.Bubblewrap.IsPresent() && PackageInstaller.Ensure("course grade", [Sandbox.Bubblewrap], Console.Out) != 0 ? "bubblewrap is missing"
            : Sandbox.Probe() is { } refused ? $"bwrap cannot make a sandbox here ({refused})"
            : null;
        if (why is not null)
        {
            Console.Error.WriteLine($"course grade: learners' notebooks run WITHOUT a sandbox ({why}): each still runs in its own process, " +
                                    "but can read and write what you can.");
            return new Sandbox(false, [], []);
        }
        // The class and the gradebook are hidden; what a notebook needs from the course (and from a home folder that
        // is hidden too) is bound back read-only.
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var classFolders = classPaths.Select(Path.GetFullPath).Select(p => Directory.Exists(p) ? p : Path.GetDirectoryName(p)!)
            .Where(p => !Contains(p, Repo.Root));
        var host = Environment.ProcessPath ?? "/usr/bin/dotnet";   // the dotnet that runs ./course runs the notebooks too
        var dotnetRoot = Path.GetDirectoryName(new FileInfo(host).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? host)!;
        return new Sandbox(true,
            hidden: [.. classFolders, outFolder, home],
            readable: [dotnetRoot, NotebookGrader.NuGetPackages, Path.GetDirectoryName(Repo.LibraryDll)!, Path.GetDirectoryName(Repo.RunnerDll)!,
                       NotebookGrader.MnistFolder]);
    }

    private static int WriteClassroomFiles()
    {
        var columns = ClassroomFiles.CourseColumns(new LessonCatalog(Repo.Notebooks), Repo.Notebooks);
        foreach (var (path, text) in new[] { (ClassroomFiles.WorkflowPath, ClassroomFiles.Workflow(columns)), (ClassroomFiles.AutogradingPath, ClassroomFiles.Autograding(columns)) })
        {
            var full = Path.Combine(Repo.Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            AtomicFile.WriteAllText(full, text);
            Console.WriteLine($"{path}: {columns.Count} tests, one point each");
        }
        return 0;
    }

    private static bool Contains(string folder, string path) =>
        (path + Path.DirectorySeparatorChar).StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>--self: each exercise, solved or what to do next.</summary>
    private static void PrintWhatIsLeft(Gradebook book)
    {
        var row = book.Rows.Single();
        foreach (var column in book.Columns)
        {
            var mark = row.MarkOf(column);
            Console.WriteLine(mark switch
            {
                Mark.Solved => $"✓ {column}",
                Mark.NotAnswered => $"✗ {column}: not answered yet",
                Mark.Wrong => $"✗ {column}: not right yet: run its cell for the hint",
                Mark.Error => $"✗ {column}: your code threw or did not finish: run its cell to see where",
                Mark.HiddenFailed => $"✗ {column}: right on the inputs the notebook shows, wrong on others: does your code special-case them?",
                _ => $"✗ {column}: no result: the notebook stopped before this exercise, or its Check call is gone",
            });
        }
        foreach (var problem in row.Problems) Console.WriteLine($"  note: {problem}");
        Console.WriteLine($"{row.Points} of {book.MaxPoints} exercises solved; {book.MaxPoints - row.Points} left.");
    }
}
