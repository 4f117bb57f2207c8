using System.Text;

namespace MnistCourse.Notebooks.Format;

/// <summary>
/// Writes a file so that a reader (or a killed run) only ever sees the old content or the new content, never half a file:
/// the text goes to a temporary file in the same folder (same file system, so the rename is atomic), which then replaces the target.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, fullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
