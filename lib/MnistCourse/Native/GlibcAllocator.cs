using System.Runtime.InteropServices;

namespace MnistCourse.Native;

/// <summary>
/// Keeps glibc's malloc from handing large buffers back to the kernel after every training step.
/// </summary>
/// <remarks>
/// Why: by default glibc serves allocations above a (dynamic) threshold with fresh <c>mmap</c>s and
/// returns them on free, so each step page-faults its activation buffers in again: the Chollet
/// convnet ran at 34–39 ms/step instead of 11 on this machine kind. Raising the mmap threshold to
/// 32 MiB and disabling trimming, once, before the first tensor, keeps those pages. This is the
/// in-process form of <c>GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=…</c>,
/// so it also works inside a notebook kernel that was started without that environment.
/// </remarks>
public static class GlibcAllocator
{
    private const int M_TRIM_THRESHOLD = -1;
    private const int M_MMAP_THRESHOLD = -3;
    private static int _configured;

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int Mallopt(int param, int value);

    public static bool IsConfigured { get; private set; }

    /// <summary>glibc's mallopt exists on Linux only.</summary>
    public static bool AppliesTo(HostPlatform platform) => platform.IsLinux;

    /// <summary>Applies the settings once per process; does nothing off glibc Linux. Returns whether they are in force.</summary>
    public static bool Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return IsConfigured;
        if (!AppliesTo(HostPlatform.Current)) return false;
        try
        {
            IsConfigured = Mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024) == 1
                         & Mallopt(M_TRIM_THRESHOLD, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            IsConfigured = false; // not glibc (e.g. musl): nothing to tune
        }
        return IsConfigured;
    }
}
