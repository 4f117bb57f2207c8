namespace MnistCourse.Contracts;

/// <summary>
/// Where things are in the course repository: its root (the folder holding <see cref="SolutionFile"/>), the folder
/// of generated results, the built library and the built programs. Every program finds them here, the same way.
/// </summary>
public static class CoursePaths
{
    public const string SolutionFile = "MnistCourse.sln";

    /// <summary>The variable that points <see cref="Artifacts"/> elsewhere (tests use a scratch folder).</summary>
    public const string ArtifactsVariable = "MNISTCOURSE_ARTIFACTS";

    /// <summary>
    /// The nearest folder holding <see cref="SolutionFile"/> above <paramref name="start"/>; without a start, above
    /// the current directory, else above the running program or this assembly (a notebook kernel may run anywhere,
    /// the library it loads is in lib/bin). Null outside a course repository.
    /// </summary>
    public static string? FindRoot(string? start = null)
    {
        var starts = start is not null ? [start]
            : new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Path.GetDirectoryName(typeof(CoursePaths).Assembly.Location) ?? "" };
        foreach (var from in starts.Where(s => !string.IsNullOrEmpty(s)))
            for (var dir = new DirectoryInfo(Path.GetFullPath(from)); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        return null;
    }

    /// <summary><see cref="FindRoot"/>, or an error that says where to run from.</summary>
    public static string RequireRoot() => FindRoot()
        ?? throw new InvalidOperationException($"cannot find the course folder (the one with {SolutionFile}); run ./course from inside it.");

    /// <summary>artifacts/ under <paramref name="root"/> (never committed), or $MNISTCOURSE_ARTIFACTS when set.</summary>
    public static string Artifacts(string root) => Environment.GetEnvironmentVariable(ArtifactsVariable) is { Length: > 0 } other
        ? Path.GetFullPath(other) : Path.Combine(root, "artifacts");

    /// <summary>lib/bin/MnistCourse.dll: the one stable path every lesson's <c>#r</c> loads the library from.</summary>
    public static string LibraryDll(string root) => Path.Combine(root, "lib", "bin", "MnistCourse.dll");

    /// <summary>A program as the Release build of the solution leaves it: tools/&lt;project&gt;/bin/Release/net10.0/MnistCourse.&lt;project&gt;.dll.</summary>
    public static string ToolDll(string root, string project, string configuration = "Release") =>
        Path.Combine(root, "tools", project, "bin", configuration, "net10.0", $"MnistCourse.{project}.dll");

    /// <summary>
    /// Where the executed copy of a notebook goes: in the artifacts folder (<see cref="Artifacts"/>, so
    /// $MNISTCOURSE_ARTIFACTS counts), named after its path under notebooks/ with folders joined by '.':
    /// notebooks/02-x.ipynb → 02-x.ipynb (the name the site links), notebooks/solutions/02-x.ipynb →
    /// solutions.02-x.ipynb, so same-named notebooks in different folders do not collide. Outside a repository:
    /// $MNISTCOURSE_ARTIFACTS, else artifacts/ beside the notebook.
    /// </summary>
    public static string ExecutedCopy(string notebookPath)
    {
        var full = Path.GetFullPath(notebookPath);
        if (FindRoot(Path.GetDirectoryName(full)) is not { } root)
            return Path.Combine(Environment.GetEnvironmentVariable(ArtifactsVariable) is { Length: > 0 } other
                ? Path.GetFullPath(other)
                : Path.Combine(Path.GetDirectoryName(full)!, "artifacts"), Path.GetFileName(full));
        var notebooks = Path.Combine(root, "notebooks") + Path.DirectorySeparatorChar;
        var relative = Path.GetRelativePath(full.StartsWith(notebooks, StringComparison.Ordinal) ? notebooks : root, full);
        return Path.Combine(Artifacts(root), relative.Replace(Path.DirectorySeparatorChar, '.'));
    }
}
