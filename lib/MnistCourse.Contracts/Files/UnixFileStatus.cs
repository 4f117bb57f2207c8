namespace MnistCourse.Contracts;

/// <summary>Who owns a file and which inode it is (what .NET's file APIs do not tell), on Linux and macOS.</summary>
public readonly record struct UnixFileStatus(uint OwnerId, ulong Inode)
{
    /// <summary>Whether owners can be read here (Linux and macOS; never on Windows).</summary>
    public static bool Supported => !OperatingSystem.IsWindows();

    /// <summary>The status of <paramref name="path"/> (symbolic links followed); an IOException names the path when it cannot be read.</summary>
    public static UnixFileStatus Of(string path)
    {
        var (owner, inode) = Libc.Stat(path);
        return new(owner, inode);
    }

    /// <summary>This process's effective user id.</summary>
    public static uint CurrentUserId => Libc.EffectiveUserId();
}
