namespace MnistCourse.Contracts;

/// <summary>NuGet's global packages folder: <c>NUGET_PACKAGES</c> when set, else <c>~/.nuget/packages</c>, as NuGet itself decides.</summary>
public static class NuGetGlobalPackages
{
    public static string Folder()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        return Path.GetFullPath(!string.IsNullOrEmpty(root)
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));
    }

    /// <summary>Whether <paramref name="folder"/> is the global packages folder (trailing separators ignored).</summary>
    public static bool Is(string folder) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), Path.TrimEndingDirectorySeparator(Folder()),
            OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
