namespace MnistCourse.NotebookEngine.Execution.Packages;

/// <summary>Finds the dotnet executable: the host running this process when it is dotnet, else DOTNET_ROOT, else PATH.</summary>
public static class DotnetHost
{
    public static string Find()
    {
        var exe = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        var current = Environment.ProcessPath;
        if (current is not null && string.Equals(Path.GetFileName(current), exe, StringComparison.OrdinalIgnoreCase)) return current;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, exe))) return Path.Combine(root, exe);
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, exe)).FirstOrDefault(File.Exists) ?? exe;
    }
}
