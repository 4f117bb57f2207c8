using System.Runtime.InteropServices;

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
        if (!OperatingSystem.IsLinux()) return;
        var parent = getppid();
        if (parent <= 1) return;
        _timer = new Timer(_ =>
        {
            if (getppid() == parent) return;
            _timer?.Dispose();
            KernelLog.Warn($"the process that started the kernel ({parent}) is gone; shutting down");
            parentGone();
        }, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    [DllImport("libc")]
    private static extern int getppid();

    public void Dispose() => _timer?.Dispose();
}
