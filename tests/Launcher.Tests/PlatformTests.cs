using System.Runtime.InteropServices;
using MnistCourse.Launcher.Commands;
using MnistCourse.Native;

namespace MnistCourse.Launcher.Tests;

/// <summary>`./course doctor` on systems where TorchSharp 0.107 cannot run, with the platform faked.</summary>
public class PlatformTests
{
    [Theory]
    [InlineData("WINDOWS", Architecture.X64, "dotnet/TorchSharp#1567")]
    [InlineData("WINDOWS", Architecture.Arm64, "dotnet/TorchSharp#1567")]
    [InlineData("OSX", Architecture.X64, "Apple silicon only")]
    public void Doctor_says_in_one_line_why_and_which_ways_work(string system, Architecture processor, string cause)
    {
        var check = DoctorCommand.Platform(new HostPlatform(OSPlatform.Create(system), processor));
        Assert.False(check.Ok);
        Assert.Contains(cause, check.Detail);
        Assert.Contains("codespace", check.Detail);
        Assert.DoesNotContain('\n', check.Detail);
    }

    [Fact]
    public void Doctor_passes_this_machine_and_apple_silicon()
    {
        Assert.True(DoctorCommand.Platform(HostPlatform.Current).Ok);
        Assert.True(DoctorCommand.Platform(new HostPlatform(OSPlatform.OSX, Architecture.Arm64)).Ok);
    }
}
