using System.Runtime.InteropServices;

namespace MnistCourse.Notebooks.Engine.Packages;

/// <summary>
/// The runtime identifiers whose package assets fit this machine, most specific first (e.g. linux-x64, linux, unix, any),
/// like the fallback graph NuGet uses for portable RIDs.
/// </summary>
public static class RuntimeIdentifiers
{
    public static IReadOnlyList<string> ForCurrentPlatform()
    {
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        if (OperatingSystem.IsWindows()) return [$"win-{arch}", "win", "any"];
        if (OperatingSystem.IsMacOS()) return [$"osx-{arch}", "osx", "unix", "any"];
        return [$"linux-{arch}", "linux", "unix", "any"];
    }
}
