namespace MnistCourse.Native;

/// <summary>Which C++ runtime this process uses, and which <c>GLIBCXX_*</c> versions it defines.</summary>
public static class LibStdCxx
{
    /// <summary>The version TorchSharp 0.107's native library asks for (GCC 13).</summary>
    public const string TorchSharpNeeds = "GLIBCXX_3.4.32";

    /// <summary>
    /// Path of the <c>libstdc++.so.6</c> this process has mapped (the .NET runtime itself links it), or
    /// the usual system locations; null off Linux or when none is found.
    /// </summary>
    public static string? Locate()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            foreach (var line in File.ReadLines("/proc/self/maps"))
            {
                int slash = line.IndexOf('/');
                if (slash >= 0 && Path.GetFileName(line[slash..]).StartsWith("libstdc++.so.6", StringComparison.Ordinal))
                    return line[slash..];
            }
        }
        catch (IOException) { }
        string[] usual = ["/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib/x86_64-linux-gnu/libstdc++.so.6",
                          "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6"];
        return usual.FirstOrDefault(File.Exists);
    }

    /// <summary>Whether the system's libstdc++ defines <paramref name="version"/>; true when it cannot be told (nothing to fix then).</summary>
    public static bool Defines(string version)
    {
        var path = Locate();
        if (path is null) return true;
        try { return ElfFile.Read(path).VersionDefinitions().Contains(version); }
        catch (InvalidDataException) { return true; }
    }
}
