using MnistCourse.NotebookEngine.Execution;

namespace MnistCourse.Kernel.Hosting;

/// <summary>
/// The kernel's log: stderr, never stdout, and never Console itself (the engine routes Console into the running cell).
/// Jupyter fronts show a kernel's stderr in their log (VS Code: Output ▸ Jupyter).
/// </summary>
public static class KernelLog
{
    public static void Info(string message) => Write("info", message);

    public static void Warn(string message) => Write("warning", message);

    public static void Error(string message) => Write("error", message);

    private static void Write(string level, string message)
    {
        var writer = ConsoleCapture.OriginalError;
        lock (writer)
        {
            writer.WriteLine($"[MnistCourse.Kernel {DateTime.Now:HH:mm:ss} {level}] {message}");
            writer.Flush();
        }
    }
}
