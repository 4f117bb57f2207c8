using MnistCourse.Contracts;
using MnistCourse.NotebookFormat;
using MnistCourse.NotebookEngine.Running;

namespace MnistCourse.Export;

/// <summary>A lesson turned into a file-based app: its text, where it goes, and what was noticed on the way.</summary>
public sealed record ExportedApp(
    string NotebookPath,
    string AppPath,
    string Text,
    IReadOnlyList<ParameterDeclaration> Parameters,
    IReadOnlyList<string> Packages,
    IReadOnlyList<string> Warnings)
{
    public string Lesson => Path.GetFileNameWithoutExtension(NotebookPath);

    /// <summary>The folder the app writes its charts and images to, beside the app.</summary>
    public string OutputFolder => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(AppPath))!, Lesson + "-output");

    /// <summary>Writes the app atomically (a reader never sees half a file); executable where that exists, for its #! line.</summary>
    public void Write()
    {
        AtomicFile.WriteAllText(AppPath, Text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(AppPath, File.GetUnixFileMode(AppPath) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }
}
