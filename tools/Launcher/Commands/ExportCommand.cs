using MnistCourse.Export;
using MnistCourse.NotebookFormat;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course export`: each lesson becomes a file-based app, run with `dotnet run artifacts/apps/&lt;lesson&gt;.cs`. Generated
/// files: the notebooks stay the source. A notebook that cannot be exported is named with the reason; the others still are.
/// </summary>
internal static class ExportCommand
{
    private static readonly Option<string> Output = new("--out") { Description = "Where the apps go (default: artifacts/apps).", HelpName = "DIR" };
    private static readonly Argument<string[]> Notebooks = NotebookArgument.Create("Lessons to export (a path, or a name in notebooks/); default: all.");

    public static readonly Command Command = new Command("export",
        "Turn each lesson into a .NET 10 file-based app: artifacts/apps/<lesson>.cs.")
    { Output, Notebooks }.WithAction(Run);

    private static int Run(ParseResult parsed)
    {
        var outFolder = Path.GetFullPath(parsed.GetValue(Output) ?? Path.Combine(Repo.Artifacts, "apps"));
        var notebooks = NotebookArgument.Resolve(parsed.GetValue(Notebooks)!);
        if (notebooks.Count == 0)
        {
            Console.Error.WriteLine("course export: no notebooks in notebooks/.");
            return 2;
        }
        if (!File.Exists(Repo.LibraryDll))
            Console.Error.WriteLine($"course export: note: {Shown(Repo.LibraryDll)} is not built yet; the apps need it to run (./course setup builds it).");

        var failed = 0;
        var exported = new List<ExportedApp>();
        foreach (var notebook in notebooks)
        {
            try
            {
                var app = LessonExporter.ExportAsync(notebook, LessonExporter.AppPathFor(notebook, outFolder), Repo.Root).GetAwaiter().GetResult();
                app.Write();
                exported.Add(app);
                Console.WriteLine($"{Shown(notebook)} -> {Shown(app.AppPath)}");
                foreach (var warning in app.Warnings) Console.WriteLine($"  warning: {warning}");
            }
            catch (Exception e) when (e is ExportException or NotebookFormatException)
            {
                failed++;
                Console.Error.WriteLine($"course export: {e.Message}");
            }
        }

        if (exported.Count > 0)
        {
            var example = exported.FirstOrDefault(a => a.Parameters.Count > 0) ?? exported[0];
            Console.WriteLine();
            Console.WriteLine($"Run a lesson as a program (no notebook extension needed): dotnet run {Shown(example.AppPath)}");
            Console.WriteLine($"  a short run: dotnet run {Shown(example.AppPath)} -- --quick;  a parameter: -- --set name=value;  usage: -- --help");
        }
        return failed > 0 ? 1 : 0;
    }

    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(Repo.Root, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
