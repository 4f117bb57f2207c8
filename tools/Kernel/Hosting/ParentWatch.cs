namespace MnistCourse.Kernel.Hosting;

/// <summary>
/// Ends the kernel when the front that started it is gone (crashed, killed), so no orphan kernel keeps a training
/// running: on Linux the parent process id changes when the parent dies. Elsewhere it does nothing.
/// </summary>
public sealed class ParentWatch : IDisposable
{
    private readonly Timer? _timer;

    public ParentWatch(Action parentGone)
    {
        if (!OperatingSystem.IsLinux() || ParentId() is not { } parent || parent <= 1) return;
        _timer = new Timer(_ =>
        {
            if (ParentId() is { } now && now != parent)
            {
                _timer?.Dispose();
                KernelLog.Warn($"the process that started the kernel ({parent}) is gone; shutting down");
                parentGone();
            }
        }, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    /// <summary>The 4th field of /proc/self/stat (after "pid (name)", where the name may contain spaces).</summary>
    private static int? ParentId()
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.TryParse(fields[1], out var ppid) ? ppid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    public void Dispose() => _timer?.Dispose();
}
