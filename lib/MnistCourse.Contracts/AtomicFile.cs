using System.Text;

namespace MnistCourse.Contracts;

/// <summary>
/// Writes a file so that a reader, or a run killed halfway, only ever sees the old content or the new one, never
/// half a file: the content goes to a temporary file in the same folder (same file system, so the rename is
/// atomic), which then replaces the target. The temporary file is removed if writing fails. Durable too: the
/// content is flushed to disk before the rename and the folder after it (else a power cut can leave an empty file),
/// a replaced file keeps its permissions, and temporary files left by killed writers are cleaned up.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes UTF-8 text (no byte-order mark); like every method here, creates the folder if needed.</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, temp => File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)));

    public static void WriteAllBytes(string path, byte[] bytes) => Write(path, temp => File.WriteAllBytes(temp, bytes));

    /// <summary>
    /// Lets <paramref name="writeTemporary"/> write the content to the path it is given (e.g. a torch <c>save</c>, or
    /// a copy that then gets the target's permissions), then moves it over <paramref name="path"/>.
    /// </summary>
    public static void Write(string path, Action<string> writeTemporary)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"{TempPrefix(fullPath)}{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}");
        RemoveStaleTemporaries(fullPath);
        try
        {
            writeTemporary(temp);
            using (var written = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite))
                written.Flush(flushToDisk: true);
            if (!OperatingSystem.IsWindows() && File.Exists(fullPath))
                File.SetUnixFileMode(temp, File.GetUnixFileMode(fullPath));
            File.Move(temp, fullPath, overwrite: true);
            if (OperatingSystem.IsLinux()) Libc.SyncFolder(folder);
        }
        finally
        {
            try { if (File.Exists(temp)) File.Delete(temp); }
            catch (IOException) { } // keep the original error; a stray temporary file is the lesser problem
            catch (UnauthorizedAccessException) { }
        }
    }

    private const string TempSuffix = ".tmp";

    /// <summary>A temporary file's name up to the writer's process id: hidden, so listings and globs skip it.</summary>
    private static string TempPrefix(string fullPath) => $".{Path.GetFileName(fullPath)}.";

    /// <summary>A write never takes this long: a temporary file older than this is a leftover, whoever wrote it.</summary>
    internal static readonly TimeSpan LeftoverAge = TimeSpan.FromDays(1);

    /// <summary>A writer's temporary file younger than this is never touched, even when its process seems gone (another machine or container may share the folder).</summary>
    internal static readonly TimeSpan GraceAge = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Deletes the temporary files of earlier writes of <paramref name="fullPath"/> whose writer is gone (its process no longer
    /// runs and the file is older than <see cref="GraceAge"/>) or that are older than <see cref="LeftoverAge"/>; never a live writer's.
    /// </summary>
    internal static void RemoveStaleTemporaries(string fullPath)
    {
        var prefix = TempPrefix(fullPath);
        IEnumerable<string> candidates;
        try { candidates = Directory.EnumerateFiles(Path.GetDirectoryName(fullPath)!, prefix + "*" + TempSuffix).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (var temp in candidates)
        {
            var age = DateTime.UtcNow - File.GetLastWriteTimeUtc(temp);
            var pidText = Path.GetFileName(temp)[prefix.Length..].Split('.')[0];
            var writerGone = int.TryParse(pidText, out var pid) && !ProcessRuns(pid);
            if (age > LeftoverAge || (writerGone && age > GraceAge))
            {
                try { File.Delete(temp); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { } // another cleaner was first, or not ours
            }
        }
    }

    private static bool ProcessRuns(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; } // no such process
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>
    /// Moves a damaged file out of the way, to <c>&lt;path&gt;.corrupt</c> (or, when an earlier one is there, a
    /// time-stamped name beside it), instead of deleting it: the learner can still look at it. Returns the new path.
    /// </summary>
    public static string MoveAside(string path)
    {
        var aside = path + CorruptSuffix;
        if (File.Exists(aside)) aside += $"-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}";
        File.Move(path, aside);
        return aside;
    }

    public const string CorruptSuffix = ".corrupt";
}
