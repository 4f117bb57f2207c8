using System.Runtime.InteropServices;

namespace MnistCourse.Native;

/// <summary>
/// The operating system and processor the course runs on, and what TorchSharp 0.107 can do there. A value, so the
/// explanations for other systems can be tested on this one: <c>new HostPlatform(OSPlatform.Windows, Architecture.X64)</c>.
/// </summary>
public sealed record HostPlatform(OSPlatform System, Architecture Processor)
{
    public static HostPlatform Current { get; } = new(
        OperatingSystem.IsWindows() ? OSPlatform.Windows : OperatingSystem.IsMacOS() ? OSPlatform.OSX
        : OperatingSystem.IsLinux() ? OSPlatform.Linux : OSPlatform.FreeBSD,
        RuntimeInformation.ProcessArchitecture);

    public bool IsLinux => System == OSPlatform.Linux;

    /// <summary>
    /// Why TorchSharp-cpu 0.107.0, the only version this course can use, does not run here, in one line with the ways that
    /// work; null where it runs (Linux x64, macOS on Apple silicon).
    /// </summary>
    public string? TorchUnsupportedReason()
    {
        var system = System == OSPlatform.Windows ? "Windows" : System == OSPlatform.OSX ? (Processor == Architecture.Arm64 ? "macOS" : "an Intel Mac")
            : System == OSPlatform.Linux ? "Linux" : System.ToString();
        var name = $"{system} ({Processor.ToString().ToLowerInvariant()})";
        if (System == OSPlatform.Windows)
            return $"TorchSharp 0.107.0 does not load on {name} (LibTorchSharp.dll fails with 0x8007007F, dotnet/TorchSharp#1567): " +
                   "take the course in the course's dev container (.devcontainer/, e.g. with Docker Desktop), WSL2 with Ubuntu 24.04, or a GitHub codespace.";
        if (System == OSPlatform.OSX && Processor != Architecture.Arm64)
            return $"TorchSharp-cpu 0.107.0 ships macOS libraries for Apple silicon only (libtorch-cpu-osx-arm64), not for {name}: " +
                   "take the course in the dev container (Docker Desktop) or a GitHub codespace.";
        if (IsLinux && Processor != Architecture.X64)
            return $"TorchSharp-cpu 0.107.0 ships Linux libraries for x64 only, not for {name}: " +
                   "take the course on an x64 machine, in a GitHub codespace, or in the dev container under x64 emulation.";
        if (!IsLinux && System != OSPlatform.OSX)
            return $"TorchSharp-cpu 0.107.0 ships libraries for Linux x64, macOS (Apple silicon) and Windows only, not for {name}.";
        return null;
    }
}
