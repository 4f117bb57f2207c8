namespace MnistCourse.Notebooks.Engine;

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
