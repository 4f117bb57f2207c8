namespace MnistCourse.Data;

/// <summary>
/// Where the MNIST cache folder is: <c>$MNIST_DIR</c> when set; otherwise <c>data/mnist</c> under the
/// repository root (the folder holding <c>MnistCourse.sln</c>, found by walking up from the current
/// directory, then from the library's own location); otherwise <c>~/.cache/mnistcourse/mnist</c>
/// (<c>$XDG_CACHE_HOME/mnistcourse/mnist</c> when that variable is set).
/// </summary>
/// <example>
/// <code>
/// Console.WriteLine(MnistPaths.DefaultFolder()); // e.g. /home/me/MnistCourse/data/mnist
/// </code>
/// </example>
public static class MnistPaths
{
    /// <summary>Environment variable that overrides the cache folder (relative paths are taken from the current directory).</summary>
    /// <example><code>Environment.SetEnvironmentVariable(MnistPaths.EnvironmentVariable, "/data/mnist");</code></example>
    public const string EnvironmentVariable = "MNIST_DIR";

    /// <summary>The file that marks the repository root.</summary>
    /// <example><code>var sln = Path.Combine(root, MnistPaths.SolutionFileName);</code></example>
    public const string SolutionFileName = "MnistCourse.sln";

    /// <summary>The cache folder to use when none is given (see the class summary for the order). Not created here.</summary>
    /// <example><code>var folder = MnistPaths.DefaultFolder();</code></example>
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
    /// <example><code>string? root = MnistPaths.FindRepositoryRoot();</code></example>
    public static string? FindRepositoryRoot()
    {
        var fromCwd = FindRepositoryRoot(Directory.GetCurrentDirectory());
        if (fromCwd is not null) return fromCwd;
        var assemblyDir = Path.GetDirectoryName(typeof(MnistPaths).Assembly.Location);
        return string.IsNullOrEmpty(assemblyDir) ? null : FindRepositoryRoot(assemblyDir);
    }

    /// <summary>Walks up from <paramref name="startDirectory"/> to the first folder holding <c>MnistCourse.sln</c>.</summary>
    /// <example><code>var root = MnistPaths.FindRepositoryRoot("/home/me/MnistCourse/notebooks");</code></example>
    public static string? FindRepositoryRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName))) return dir.FullName;
        return null;
    }

    /// <summary>The per-user fallback: <c>$XDG_CACHE_HOME/mnistcourse/mnist</c> or <c>~/.cache/mnistcourse/mnist</c>.</summary>
    /// <example><code>var fallback = MnistPaths.UserCacheFolder();</code></example>
    public static string UserCacheFolder()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, "mnistcourse", "mnist");
    }

    /// <summary>
    /// A path as messages show it: relative to the current directory when it lies below it
    /// (e.g. <c>data/mnist/train-labels-idx1-ubyte</c>), full otherwise.
    /// </summary>
    /// <example><code>Console.WriteLine(MnistPaths.Display("/repo/data/mnist/x")); // "data/mnist/x" when run in /repo</code></example>
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        var outside = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || Path.IsPathRooted(relative);
        return outside ? full : relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
