using System.Diagnostics;

namespace MnistCourse.Tests.Contracts;

/// <summary>Atomic writes that keep a file's permissions and clean up after writers that were killed, never after live ones.</summary>
public class AtomicFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A temporary file as a writer with process <paramref name="pid"/> leaves it, last written <paramref name="age"/> ago.</summary>
    private string Leftover(string target, int pid, TimeSpan age)
    {
        var temp = _folder.File($".{Path.GetFileName(target)}.{pid}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, "half a fi");
        File.SetLastWriteTimeUtc(temp, DateTime.UtcNow - age);
        return temp;
    }

    private static int FinishedProcessId()
    {
        using var process = Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    [Fact]
    public void A_rewritten_file_keeps_its_permissions()
    {
        var path = _folder.File("results.json");
        File.WriteAllText(path, "old");
        var privateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(path, privateMode);

        AtomicFile.WriteAllText(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(privateMode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Temporaries_of_gone_writers_are_removed_and_live_or_recent_ones_kept()
    {
        var path = _folder.File("results.json");
        var gone = FinishedProcessId();
        var killedWriter = Leftover(path, gone, TimeSpan.FromHours(1));
        var justStarted = Leftover(path, gone, TimeSpan.FromSeconds(5));          // maybe a writer on another machine sharing the folder
        var liveWriter = Leftover(path, Environment.ProcessId, TimeSpan.FromHours(1));
        var ancient = Leftover(path, Environment.ProcessId, TimeSpan.FromDays(2)); // no write takes two days
        var otherFile = Leftover(_folder.File("reproduction.json"), gone, TimeSpan.FromHours(1));

        AtomicFile.WriteAllText(path, "{}");

        Assert.False(File.Exists(killedWriter));
        Assert.False(File.Exists(ancient));
        Assert.True(File.Exists(justStarted));
        Assert.True(File.Exists(liveWriter));
        Assert.True(File.Exists(otherFile)); // only this file's temporaries are looked at
        Assert.Equal("{}", File.ReadAllText(path));
    }
}
