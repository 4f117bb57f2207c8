using System.Runtime.InteropServices;
using MnistCourse.Native;

namespace MnistCourse.Tests.Native;

/// <summary>What the library does on each system, decided by the same functions it runs, with the platform faked.</summary>
public class HostPlatformTests
{
    private static readonly HostPlatform Windows = new(OSPlatform.Windows, Architecture.X64);
    private static readonly HostPlatform WindowsArm = new(OSPlatform.Windows, Architecture.Arm64);
    private static readonly HostPlatform IntelMac = new(OSPlatform.OSX, Architecture.X64);
    private static readonly HostPlatform AppleSilicon = new(OSPlatform.OSX, Architecture.Arm64);
    private static readonly HostPlatform LinuxX64 = new(OSPlatform.Linux, Architecture.X64);
    private static readonly HostPlatform LinuxArm = new(OSPlatform.Linux, Architecture.Arm64);

    private static readonly Exception LoadFailure = new TypeInitializationException("TorchSharp.torch",
        new DllNotFoundException("Unable to load DLL 'LibTorchSharp' or one of its dependencies (0x8007007F)\nmore"));

    [Fact]
    public void This_machine_is_linux_x64_and_supported() => Assert.Null(HostPlatform.Current.TorchUnsupportedReason());

    [Fact]
    public void Windows_first_torch_call_says_why_and_the_ways_that_work_in_one_line()
    {
        foreach (var windows in new[] { Windows, WindowsArm })
        {
            var message = TorchRuntime.Explain(LoadFailure, windows, () => throw new InvalidOperationException("no libstdc++ on Windows"));
            Assert.StartsWith("TorchSharp 0.107.0 does not load on Windows", message);
            Assert.Contains("dotnet/TorchSharp#1567", message);
            Assert.Contains("dev container", message);
            Assert.Contains("WSL2 with Ubuntu 24.04", message);
            Assert.Contains("codespace", message);
            Assert.EndsWith("Details: Unable to load DLL 'LibTorchSharp' or one of its dependencies (0x8007007F)", message);
        }
    }

    [Fact]
    public void Intel_mac_is_told_only_apple_silicon_libraries_ship()
    {
        var message = TorchRuntime.Explain(LoadFailure, IntelMac, () => true);
        Assert.StartsWith("TorchSharp-cpu 0.107.0 ships macOS libraries for Apple silicon only (libtorch-cpu-osx-arm64), not for an Intel Mac", message);
        Assert.Null(AppleSilicon.TorchUnsupportedReason());
        Assert.Contains("x64 only", LinuxArm.TorchUnsupportedReason());
    }

    [Fact]
    public void Allocator_tuning_and_libstdcxx_patch_do_nothing_off_linux()
    {
        foreach (var other in new[] { Windows, WindowsArm, IntelMac, AppleSilicon })
        {
            Assert.False(GlibcAllocator.AppliesTo(other));
            Assert.False(TorchRuntime.NeedsLibStdCxxPatch(other, () => false));
        }
        Assert.True(GlibcAllocator.AppliesTo(LinuxX64));
    }

    [Fact]
    public void The_patch_is_skipped_where_libstdcxx_already_defines_GLIBCXX_3_4_32()
    {
        Assert.False(TorchRuntime.NeedsLibStdCxxPatch(LinuxX64, () => true));  // Ubuntu 24.04 and later
        Assert.True(TorchRuntime.NeedsLibStdCxxPatch(LinuxX64, () => false));  // Debian 12, Ubuntu 22.04
        Assert.False(TorchRuntime.NeedsLibStdCxxPatch(LinuxArm, () => false)); // no Linux arm64 library to patch
    }

    [Fact]
    public void On_supported_linux_a_missing_glibcxx_version_still_points_to_setup()
    {
        var missingVersion = new DllNotFoundException("libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by libLibTorchSharp.so)");
        var message = TorchRuntime.Explain(missingVersion, LinuxX64, () => false);
        Assert.Contains("lacks GLIBCXX_3.4.32", message);
        Assert.Contains("./course setup", message);
    }
}
