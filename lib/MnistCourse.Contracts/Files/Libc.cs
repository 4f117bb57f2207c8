using System.Runtime.InteropServices;

namespace MnistCourse.Contracts;

/// <summary>
/// The few C library calls .NET's file APIs lack: a file's owner and inode (<c>stat</c>), this process's user
/// (<c>geteuid</c>), and flushing a folder's entries to disk (<c>fsync</c> on the folder). Linux and macOS only.
/// </summary>
internal static class Libc
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl, SetLastError = true)]
    private delegate int StatFunction([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
    private delegate int OpenFunction([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    private delegate int IntFunction(int value);
    private delegate uint UidFunction();

    private static readonly Lazy<IntPtr> Library = new(() =>
        NativeLibrary.Load(OperatingSystem.IsMacOS() ? "/usr/lib/libSystem.dylib" : "libc.so.6"));

    private static T Function<T>(string name) where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(Library.Value, name));

    /// <summary>The offset of st_uid in struct stat on Linux x64 (28), Linux arm64 (24), macOS arm64 (16); st_ino is at 8 on all three.</summary>
    private static int OwnerOffset =>
        OperatingSystem.IsMacOS() ? 16 : RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 28 : 24;

    /// <summary>(owner uid, inode) of <paramref name="path"/>, symbolic links followed; an IOException names the path when it cannot be read.</summary>
    public static (uint Owner, ulong Inode) Stat(string path)
    {
        var buffer = new byte[256]; // struct stat is 144 bytes on Linux x64, 128 on arm64 and macOS
        if (Function<StatFunction>("stat")(path, buffer) != 0)
            throw new IOException($"{path}: cannot read its owner (errno {Marshal.GetLastPInvokeError()})");
        return (BitConverter.ToUInt32(buffer, OwnerOffset), BitConverter.ToUInt64(buffer, 8));
    }

    public static uint EffectiveUserId() => Function<UidFunction>("geteuid")();

    /// <summary>Makes a rename or a new file in <paramref name="folder"/> durable (Linux: a rename is only on disk once its folder is synced).</summary>
    public static void SyncFolder(string folder)
    {
        var fd = Function<OpenFunction>("open")(folder, 0); // O_RDONLY
        if (fd < 0) return; // best effort: the data itself is already on disk
        try { Function<IntFunction>("fsync")(fd); }
        finally { Function<IntFunction>("close")(fd); }
    }
}
