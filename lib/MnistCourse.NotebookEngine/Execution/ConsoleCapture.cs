using System.Text;

namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// Routes Console.Out and Console.Error: writes made by cell code (see <see cref="ExecutionScope"/>) go to that cell's
/// observer as stream output, the moment they happen; everything else goes to the real console as before.
/// Installed once per process, at the first use of this class (a session's constructor makes sure of it). Fronts that
/// echo cell output to the terminal must write to <see cref="OriginalOut"/> / <see cref="OriginalError"/>, not to
/// Console (that would route the echo back into the cell).
/// </summary>
public static class ConsoleCapture
{
    public static TextWriter OriginalOut { get; } = Console.Out;

    public static TextWriter OriginalError { get; } = Console.Error;

    // The runtime runs it once per process, thread-safely, the first time the class is used.
    static ConsoleCapture()
    {
        Console.SetOut(new Router(OriginalOut, StreamName.Stdout));
        Console.SetError(new Router(OriginalError, StreamName.Stderr));
    }

    private sealed class Router(TextWriter original, StreamName stream) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override void Write(char value) => Route(value.ToString());

        public override void Write(string? value) => Route(value);

        public override void Write(char[] buffer, int index, int count) => Route(new string(buffer, index, count));

        public override void WriteLine(string? value) => Route((value ?? "") + NewLine);

        public override void WriteLine() => Route(NewLine);

        public override void Flush()
        {
            if (ExecutionScope.Current is null) original.Flush();
        }

        private void Route(string? text)
        {
            if (string.IsNullOrEmpty(text)) return;
            if (ExecutionScope.Current is { } scope) scope.Observer.OnStream(stream, text);
            else original.Write(text);
        }
    }
}
