using System.Diagnostics;

namespace MnistCourse.Contracts;

/// <summary>
/// An exclusive lock between processes: a lock file opened without sharing (an OS lock, flock on Linux and macOS),
/// released when the returned stream is disposed or the process dies. Waiting has a limit, and what the wait and its
/// failure say name the lock file and, where the system tells (Linux's /proc/locks), the process holding it.
/// </summary>
public static class FileLock
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Takes the lock at <paramref name="path"/>, waiting up to <paramref name="limit"/>; <paramref name="waiting"/> gets one
    /// line when the lock is found held. Throws <see cref="TimeoutException"/> after the limit and
    /// <see cref="UnauthorizedAccessException"/> at once when the file cannot be opened at all (another user's file).
    /// </summary>
    public static async Task<FileStream> AcquireAsync(string path, TimeSpan limit, Action<string>? waiting = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new UnauthorizedAccessException(
                    $"cannot open the lock file {path}: {e.Message} It belongs to another user; fix: use a folder of your own.", e);
            }
            catch (IOException)
            {
                if (clock.Elapsed >= limit)
                    throw new TimeoutException(
                        $"the lock file {path} is still held{HolderText(path)} after {limit.TotalSeconds:0} s; fix: wait for that process to end, " +
                        "or end it if it hangs (a lock is released when its process exits).");
                if (!told)
                {
                    waiting?.Invoke($"waiting for the lock {path}, held{HolderText(path)}");
                    told = true;
                }
                await Task.Delay(Poll, cancellationToken);
            }
        }
    }

    /// <summary>The synchronous <see cref="AcquireAsync"/>.</summary>
    public static FileStream Acquire(string path, TimeSpan limit, Action<string>? waiting = null, CancellationToken cancellationToken = default) =>
        AcquireAsync(path, limit, waiting, cancellationToken).GetAwaiter().GetResult();

    /// <summary>The process holding the lock on <paramref name="path"/>, from /proc/locks (Linux); null where that cannot be told.</summary>
    public static int? HolderOf(string path)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/locks")) return null;
        try
        {
            var inode = UnixFileStatus.Of(path).Inode.ToString();
            // "1: FLOCK  ADVISORY  WRITE 4242 08:01:1310722 0 EOF": the pid, then major:minor:inode.
            foreach (var line in File.ReadLines("/proc/locks"))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var device = Array.FindIndex(fields, f => f.Count(c => c == ':') == 2);
                if (device > 0 && fields[device].Split(':')[2] == inode && int.TryParse(fields[device - 1], out var pid))
                    return pid;
            }
        }
        catch (IOException) { }
        return null;
    }

    private static string HolderText(string path)
    {
        if (HolderOf(path) is not { } pid) return "";
        string command;
        try { command = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { command = ""; }
        return command.Length > 0 ? $" by process {pid} ({command})" : $" by process {pid}";
    }
}
