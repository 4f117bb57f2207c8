namespace MnistCourse.Contracts;

/// <summary>
/// The course's per-user cache: <c>$XDG_CACHE_HOME/mnistcourse</c>, else <c>~/.cache/mnistcourse</c> (restore projects,
/// build logs). Never a shared temp folder: what is found there is trusted (restored assemblies are loaded), so each
/// folder is created 0700 and refused unless it belongs to this user and no one else can write to it.
/// </summary>
public static class UserCache
{
    public const string FolderName = "mnistcourse";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The cache root for this user (not created).</summary>
    public static string Root()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var cache = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) // the XDG spec says to ignore a relative value
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(cache, FolderName);
    }

    /// <summary>
    /// <c>&lt;root&gt;/&lt;subfolders&gt;</c>, created 0700 where missing and checked at every level from the root down;
    /// an <see cref="UnauthorizedAccessException"/> names the folder and the fix when one is not this user's alone.
    /// </summary>
    public static string Folder(params string[] subfolders) => FolderUnder(Root(), subfolders);

    /// <summary><see cref="Folder(string[])"/> under a given root (tests).</summary>
    public static string FolderUnder(string root, params string[] subfolders)
    {
        var path = root;
        foreach (var level in subfolders.Prepend(""))
        {
            path = level.Length == 0 ? path : Path.Combine(path, level);
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
            else Directory.CreateDirectory(path, OwnerOnly);
            CheckPrivate(path);
        }
        return path;
    }

    /// <summary>Throws unless <paramref name="folder"/> is owned by this user and not writable by group or others.</summary>
    public static void CheckPrivate(string folder)
    {
        if (!UnixFileStatus.Supported) return;
        var owner = UnixFileStatus.Of(folder).OwnerId;
        var me = UnixFileStatus.CurrentUserId;
        if (owner != me)
            throw new UnauthorizedAccessException(
                $"{folder} belongs to another user (uid {owner}, you are uid {me}), who could put code there that the course would run; " +
                $"fix: remove it if it is yours to remove, or set XDG_CACHE_HOME to a folder of your own.");
        var mode = File.GetUnixFileMode(folder);
        if ((mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            throw new UnauthorizedAccessException(
                $"{folder} can be written by other users (mode {Convert.ToString((int)mode, 8)}), who could put code there that the course would run; " +
                $"fix: chmod 700 {folder}");
    }
}
