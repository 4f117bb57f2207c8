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

    /// <summary>The cache folder to use when none is given; not created here.</summary>
    public static string DefaultFolder()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv.Trim());
        var root = CoursePaths.FindRoot();
        return root is not null ? Path.Combine(root, "data", "mnist") : UserCacheFolder();
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
