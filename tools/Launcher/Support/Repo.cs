namespace MnistCourse.Launcher.Support;

/// <summary>Where things live in the course repository.</summary>
internal static class Repo
{
    /// <summary>The folder holding MnistCourse.sln, found from the current directory or from this program's location.</summary>
    public static string Root { get; } = Find();

    /// <summary>artifacts/, or $MNISTCOURSE_ARTIFACTS (tests point it at a scratch folder so they never touch a learner's results).</summary>
    public static string Artifacts => Environment.GetEnvironmentVariable("MNISTCOURSE_ARTIFACTS") is { Length: > 0 } other
        ? Path.GetFullPath(other) : Path.Combine(Root, "artifacts");
    public static string Notebooks => Path.Combine(Root, "notebooks");
    public static string RunnerDll => Path.Combine(Root, "tools", "Runner", "bin", "Release", "net10.0", "MnistCourse.Runner.dll");
    public static string LibraryDll => Path.Combine(Root, "lib", "bin", "MnistCourse.dll");

    /// <summary>A notebook named on the command line: a path, or a name in notebooks/ with or without ".ipynb".</summary>
    public static string FindNotebook(string argument)
    {
        var path = Path.GetFullPath(argument);
        if (File.Exists(path)) return path;
        var inFolder = Path.Combine(Notebooks, argument);
        return File.Exists(inFolder) ? inFolder
            : File.Exists(inFolder + ".ipynb") ? inFolder + ".ipynb"
            : throw new FileNotFoundException($"no notebook {argument} (looked in the current folder and in notebooks/).");
    }

    private static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MnistCourse.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the course folder (the one with MnistCourse.sln); run ./course from inside it.");
    }
}
