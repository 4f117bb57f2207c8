namespace MnistCourse.Kernel.Tests.Support;

/// <summary>Where the repository and the built programs are, seen from the test's output folder.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>The kernel built with this test project (copied into its output by the project reference).</summary>
    public static string KernelDll => Existing(Path.Combine(AppContext.BaseDirectory, "MnistCourse.Kernel.dll"), "the kernel");

    public static string RunnerDll => Built("Runner", "MnistCourse.Runner.dll", "the headless runner");

    public static string LauncherDll => Built("Launcher", "MnistCourse.Launcher.dll", "the launcher");

    public static string Script(string name) => Existing(Path.Combine(AppContext.BaseDirectory, "Scripts", name), "a test script");

    private static string Built(string project, string dll, string what)
    {
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var path = Path.Combine(Root, "tools", project, "bin", configuration, "net10.0", dll);
            if (File.Exists(path)) return path;
        }
        Assert.Fail($"{what} is not built ({dll} under tools/{project}/bin): run `dotnet build MnistCourse.sln -c Release` (./course test does)");
        return "";
    }

    private static string Existing(string path, string what)
    {
        Assert.True(File.Exists(path), $"{what} is missing: {path} (rebuild the test project)");
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MnistCourse.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (the folder with MnistCourse.sln) not found above " + AppContext.BaseDirectory);
    }
}
