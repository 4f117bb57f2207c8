namespace MnistCourse.Site.Tests.Support;

internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Where the browser test leaves its screenshots: artifacts/site-screenshots/ of the repository.</summary>
    public static string Screenshots => Path.Combine(RepoRoot, "artifacts", "site-screenshots");

    public static string NewTempFolder(string purpose)
    {
        var path = Path.Combine(Path.GetTempPath(), $"mnistcourse-{purpose}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MnistCourse.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (the folder with MnistCourse.sln) not found above " + AppContext.BaseDirectory);
    }
}
