namespace MnistCourse.Data;

/// <summary>
/// Where the MNIST cache folder is: <c>$MNIST_DIR</c> when set; otherwise <c>data/mnist</c> under the
/// repository root; otherwise (outside the repository) <c>~/.cache/mnistcourse/mnist</c>, or
/// <c>$XDG_CACHE_HOME/mnistcourse/mnist</c> when that variable is set.
/// </summary>
public static class MnistPaths
{
    /// <summary>Environment variable that overrides the cache folder (a relative path is taken from the current directory).</summary>
    public const string EnvironmentVariable = "MNIST_DIR";

    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFileName = "MnistCourse.sln";

    /// <summary>The cache folder to use when none is given (see the class summary for the order). Not created here.</summary>
    public static string DefaultFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv.Trim());
        var root = FindRepositoryRoot();
        return root is not null ? Path.Combine(root, "data", "mnist") : UserCacheFolder();
    }

    /// <summary>
    /// The repository root: the nearest folder holding <c>MnistCourse.sln</c> above the current directory,
    /// else above this library's assembly (a notebook may run from anywhere); null when neither finds one.
    /// </summary>
    public static string? FindRepositoryRoot()
    {
        var fromCwd = FindRepositoryRoot(Directory.GetCurrentDirectory());
        if (fromCwd is not null) return fromCwd;
        var assemblyDir = Path.GetDirectoryName(typeof(MnistPaths).Assembly.Location);
        return string.IsNullOrEmpty(assemblyDir) ? null : FindRepositoryRoot(assemblyDir);
    }

    /// <summary>Walks up from <paramref name="startDirectory"/> to the first folder holding <c>MnistCourse.sln</c>.</summary>
    public static string? FindRepositoryRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName))) return dir.FullName;
        return null;
    }

    internal static string UserCacheFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "mnistcourse", "mnist");
    }

    /// <summary>A path as messages show it: relative to the current directory when below it (<c>data/mnist/…</c>), full otherwise.</summary>
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.IsPathRooted(relative);
        return outside ? full : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
