using System.Text.Json.Nodes;

namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// Receives what a cell produces, as it happens, in Jupyter's vocabulary. The engine knows nothing about files or
/// sockets: the headless runner records these into the .ipynb, a Jupyter kernel would publish them on IOPub.
/// Calls can come from any thread (user code may print from background threads): implementations must be thread-safe.
/// </summary>
public interface IExecutionObserver
{
    /// <summary>Console output (Console.Out → stdout, Console.Error → stderr), forwarded as soon as it is written.</summary>
    void OnStream(StreamName stream, string text);

    /// <summary>A value shown with <c>display(...)</c> / <c>.Display()</c>; <see cref="DisplayData.DisplayId"/> is set so it can be updated.</summary>
    void OnDisplayData(DisplayData display);

    /// <summary>A <c>DisplayedValue.Update(...)</c>: replace every earlier output with that display id (in any cell).</summary>
    void OnUpdateDisplayData(DisplayData display);

    /// <summary>The value of the cell's trailing expression (an expression without ';').</summary>
    void OnExecuteResult(DisplayData result);

    /// <summary>The cell failed (compile error, exception, unavailable package, unsupported language).</summary>
    void OnError(ExecutionError error);
}

/// <summary>The two console streams, named as nbformat names them (<see cref="StreamNames.ToJupyter"/>).</summary>
public enum StreamName
{
    Stdout,
    Stderr,
}

public static class StreamNames
{
    public static string ToJupyter(this StreamName stream) => stream == StreamName.Stdout ? "stdout" : "stderr";
}

/// <summary>
/// A formatted value: a MIME bundle (mime type → text; binary types such as image/png are base64) and, for displays
/// that can be updated, the display id. Used for display_data, update_display_data and execute_result.
/// </summary>
public sealed record DisplayData(IReadOnlyDictionary<string, string> Data, string? DisplayId = null);

/// <summary>
/// A failed cell in nbformat's terms: the error name (exception type or "CompilationError"), its message, and a
/// traceback whose lines name the cell and the line within the cell.
/// </summary>
public sealed record ExecutionError(string EName, string EValue, IReadOnlyList<string> Traceback)
{
    /// <summary>The fields as nbformat's error output and the Jupyter protocol's error messages write them.</summary>
    public JsonObject ToJson() => new()
    {
        ["ename"] = EName,
        ["evalue"] = EValue,
        ["traceback"] = new JsonArray([.. Traceback.Select(line => (JsonNode?)line)]),
    };

    public override string ToString() => $"{EName}: {EValue}";
}

/// <summary>How a cell ended: <see cref="Error"/> is null when it succeeded. The outputs went to the observer while it ran.</summary>
public sealed record CellOutcome(ExecutionError? Error)
{
    public static readonly CellOutcome Success = new((ExecutionError?)null);

    public bool Succeeded => Error is null;
}
