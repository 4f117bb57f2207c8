namespace MnistCourse.Native;

/// <summary>
/// Other libtorch copies the loader would find by name (Debian's libtorch-dev, a PyTorch or conda <c>lib/</c> on
/// <c>LD_LIBRARY_PATH</c>). Harmless since <see cref="BundledLibtorch"/> loads the package's own copy first; named by
/// <c>./course doctor</c> and in a load failure's message, because they are what broke TorchSharp before.
/// </summary>
public static class ForeignLibtorch
{
    /// <summary>The names a bare-name lookup asks for: the unversioned files (a versioned one is never found by these names).</summary>
    private static readonly string[] Names = ["libtorch_cpu.so", "libc10.so", "libtorch.so"];

    /// <summary>The loader's folders, in its order: LD_LIBRARY_PATH, then /etc/ld.so.conf.d, then the default ones.</summary>
    public static IReadOnlyList<string> SearchFolders(string? ldLibraryPath, string ldSoConfDirectory = "/etc/ld.so.conf.d")
    {
        var folders = new List<string>((ldLibraryPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (Directory.Exists(ldSoConfDirectory))
            foreach (var conf in Directory.EnumerateFiles(ldSoConfDirectory, "*.conf").Order(StringComparer.Ordinal))
                folders.AddRange(File.ReadLines(conf).Select(l => l.Trim()).Where(l => l.StartsWith('/')));
        folders.AddRange(["/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib"]);
        return folders.Distinct().ToList();
    }

    /// <summary>Every foreign libtorch file found in <paramref name="folders"/>, except those inside <paramref name="ownFolder"/>.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> folders, string? ownFolder = null) =>
        folders.Where(Directory.Exists)
            .SelectMany(folder => Names.Select(name => Path.GetFullPath(Path.Combine(folder, name))))
            .Where(File.Exists)
            .Where(path => ownFolder is null || Path.GetDirectoryName(path) != Path.GetFullPath(ownFolder).TrimEnd('/'))
            .Distinct()
            .ToList();

    /// <summary>The foreign copies this process's loader could find (empty off Linux).</summary>
    public static IReadOnlyList<string> OnThisMachine() => OperatingSystem.IsLinux()
        ? Find(SearchFolders(Environment.GetEnvironmentVariable("LD_LIBRARY_PATH")), BundledLibtorch.ForThisProcess()?.LibtorchFolder)
        : [];
}
