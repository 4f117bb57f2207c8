using System.Collections.Concurrent;
using System.Text;
using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel.Tests.Support;

/// <summary>Collects what a cell reports to the engine's observer.</summary>
public sealed class RecordingObserver : IExecutionObserver
{
    private readonly StringBuilder _stdout = new();

    private readonly TaskCompletionSource _printed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the cell's first console output: the cell is running.</summary>
    public Task Printed => _printed.Task;

    public ConcurrentQueue<ExecutionError> Errors { get; } = new();

    public ConcurrentQueue<DisplayData> Results { get; } = new();

    public string Stdout
    {
        get
        {
            lock (_stdout) return _stdout.ToString();
        }
    }

    public void OnStream(StreamName stream, string text)
    {
        if (stream == StreamName.Stdout)
            lock (_stdout) _stdout.Append(text);
        _printed.TrySetResult();
    }

    public void OnDisplayData(DisplayData display)
    {
    }

    public void OnUpdateDisplayData(DisplayData display)
    {
    }

    public void OnExecuteResult(DisplayData result) => Results.Enqueue(result);

    public void OnError(ExecutionError error) => Errors.Enqueue(error);
}
