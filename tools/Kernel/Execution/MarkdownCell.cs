using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel.Execution;

/// <summary>
/// A code cell that starts with <c>#!markdown</c> is shown as Markdown, as Polyglot Notebooks does; the engine itself
/// runs C# only (the headless runner skips such cells).
/// </summary>
public static class MarkdownCell
{
    public static CellOutcome? TryShow(string code, IExecutionObserver observer)
    {
        var text = code.TrimStart();
        var firstLine = text.Split('\n', 2)[0].Trim();
        if (firstLine is not ("#!markdown" or "#!md")) return null;
        var newline = text.IndexOf('\n');
        var markdown = newline < 0 ? "" : text[(newline + 1)..];
        observer.OnDisplayData(new DisplayData(new Dictionary<string, string> { ["text/markdown"] = markdown, ["text/plain"] = markdown }));
        return CellOutcome.Success;
    }
}
