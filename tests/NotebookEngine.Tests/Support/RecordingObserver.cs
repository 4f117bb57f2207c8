using MnistCourse.NotebookEngine.Execution;

namespace MnistCourse.NotebookEngine.Tests.Support;

/// <summary>Remembers every event of a cell, in order.</summary>
public sealed class RecordingObserver : IExecutionObserver
{
    private readonly List<(string Kind, object Payload)> _events = [];
    private readonly TaskCompletionSource _printed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the cell's first console output: the cell is running.</summary>
    public Task Printed => _printed.Task;

    public IReadOnlyList<(string Kind, object Payload)> Events
    {
        get
        {
            lock (_events) return _events.ToList();
        }
    }

    public string Stdout => string.Concat(Events.Where(e => e.Kind == "stdout").Select(e => (string)e.Payload));

    public string Stderr => string.Concat(Events.Where(e => e.Kind == "stderr").Select(e => (string)e.Payload));

    public IEnumerable<T> Of<T>(string kind) => Events.Where(e => e.Kind == kind).Select(e => (T)e.Payload);

    private void Add(string kind, object payload)
    {
        lock (_events) _events.Add((kind, payload));
    }

    public void OnStream(StreamName stream, string text)
    {
        Add(stream.ToJupyter(), text);
        _printed.TrySetResult();
    }

    public void OnDisplayData(DisplayData display) => Add("display_data", display);

    public void OnUpdateDisplayData(DisplayData display) => Add("update_display_data", display);

    public void OnExecuteResult(DisplayData result) => Add("execute_result", result);

    public void OnError(ExecutionError error) => Add("error", error);
}
