namespace MnistCourse.Launcher.Support;

internal static class Repo
{
    /// <summary>The folder holding MnistCourse.sln, found from the current directory or from this program's location.</summary>
    public static string Root { get; } = CoursePaths.RequireRoot();

    /// <summary>artifacts/, or $MNISTCOURSE_ARTIFACTS (tests point it at a scratch folder so they never touch a learner's results).</summary>
    public static string Artifacts => CoursePaths.Artifacts(Root);
    public static string Notebooks => Path.Combine(Root, "notebooks");
    public static string RunnerDll => CoursePaths.ToolDll(Root, "Runner");
    public static string LibraryDll => CoursePaths.LibraryDll(Root);

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
}
