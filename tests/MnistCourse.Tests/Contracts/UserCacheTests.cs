namespace MnistCourse.Tests.Contracts;

/// <summary>The per-user cache: created private, and refused when someone else could have put something in it.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class UserCacheTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_new_cache_folder_is_created_owner_only_at_every_level()
    {
        var nuget = UserCache.FolderUnder(_folder.File("mnistcourse"), "nuget", "abc");

        foreach (var level in new[] { _folder.File("mnistcourse"), Path.GetDirectoryName(nuget)!, nuget })
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(level));
    }

    [Fact]
    public void A_folder_planted_by_another_user_is_refused_with_the_folder_and_the_fix()
    {
        var root = Directory.CreateDirectory(_folder.File("mnistcourse")).FullName;
        var planted = Directory.CreateDirectory(Path.Combine(root, "nuget")).FullName;
        ChangeOwner(planted, 12345);

        var error = Assert.Throws<UnauthorizedAccessException>(() => UserCache.FolderUnder(root, "nuget"));

        Assert.Contains(planted, error.Message);
        Assert.Contains("uid 12345", error.Message);
        Assert.Contains("fix:", error.Message);
    }

    [Fact]
    public void A_folder_others_can_write_to_is_refused()
    {
        var root = Directory.CreateDirectory(_folder.File("mnistcourse")).FullName;
        File.SetUnixFileMode(root, File.GetUnixFileMode(root) | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute);

        var error = Assert.Throws<UnauthorizedAccessException>(() => UserCache.FolderUnder(root));

        Assert.Contains($"chmod 700 {root}", error.Message);
    }

    [Fact]
    public void The_cache_follows_XDG_CACHE_HOME_only_when_it_is_absolute()
    {
        var before = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", _folder.Path);
            Assert.Equal(Path.Combine(_folder.Path, "mnistcourse"), UserCache.Root());
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "relative/cache");
            Assert.Equal(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "mnistcourse"), UserCache.Root());
        }
        finally { Environment.SetEnvironmentVariable("XDG_CACHE_HOME", before); }
    }

    /// <summary>chown: these tests run as root on the course's machines; elsewhere this fails and says so.</summary>
    internal static void ChangeOwner(string path, int uid)
    {
        var run = ProcessRun.Run("chown", [uid.ToString(), path], TimeSpan.FromSeconds(10));
        Assert.True(run.ExitCode == 0, $"chown {uid} {path} failed (the test needs root): {run.Stderr}");
    }
}
