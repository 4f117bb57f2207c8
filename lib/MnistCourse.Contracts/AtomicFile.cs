using System.Text;

namespace MnistCourse.Contracts;

/// <summary>
/// Writes a file so that a reader, or a run killed halfway, only ever sees the old content or the new one, never
/// half a file: the content goes to a temporary file in the same folder (same file system, so the rename is
/// atomic), which then replaces the target. The temporary file is removed if writing fails.
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
        // A hidden name, so listings and globs skip it.
        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemporary(temp);
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            try { if (File.Exists(temp)) File.Delete(temp); }
            catch (IOException) { } // keep the original error; a stray temporary file is the lesser problem
            catch (UnauthorizedAccessException) { }
        }
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
