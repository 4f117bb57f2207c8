using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MnistCourse.Kernel.Channels;
using MnistCourse.Kernel.Messaging;
using MnistCourse.NotebookEngine.Execution;

namespace MnistCourse.Kernel.Execution;

/// <summary>
/// Publishes one cell's outputs on IOPub as the engine reports them, parented to its execute_request.
/// Console writes arrive in small pieces (one per Write call, a progress bar may write a character at a time):
/// they are gathered for a short moment into one stream message, and flushed before any other output so the order
/// of outputs stays exactly the order the cell produced them. Thread-safe (cells may print from any thread).
/// </summary>
public sealed class IopubCellObserver(KernelChannels channels, JupyterMessage request, int executionCount, bool silent)
    : IExecutionObserver, IDisposable
{
    private static readonly TimeSpan FlushDelay = TimeSpan.FromMilliseconds(50);
    private const int FlushSize = 16 * 1024;

    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private Timer? _timer;
    private StreamName _pendingStream;
    private bool _timerArmed;
    private bool _disposed;

    public void OnStream(StreamName stream, string text)
    {
        lock (_gate)
        {
            if (_pending.Length > 0 && stream != _pendingStream) FlushLocked();
            _pendingStream = stream;
            _pending.Append(text);
            if (_pending.Length >= FlushSize || _disposed) FlushLocked(); // after the cell: a background thread still printing
            else if (!_timerArmed)
            {
                _timerArmed = true;
                (_timer ??= new Timer(_ => Flush())).Change(FlushDelay, Timeout.InfiniteTimeSpan);
            }
        }
    }

    public void OnDisplayData(DisplayData display) => Publish("display_data", Display(display));

    public void OnUpdateDisplayData(DisplayData display) => Publish("update_display_data", Display(display));

    public void OnExecuteResult(DisplayData result)
    {
        if (silent) return; // a silent request has no execute_result (protocol)
        var content = Display(result);
        content["execution_count"] = executionCount;
        Publish("execute_result", content);
    }

    public void OnError(ExecutionError error) => Publish("error", error.ToJson());

    /// <summary>Sends what console output is waiting (before the reply, before a stdin prompt).</summary>
    public void Flush()
    {
        lock (_gate) FlushLocked();
    }

    private void Publish(string msgType, JsonObject content)
    {
        lock (_gate)
        {
            FlushLocked();
            channels.Publish(request, msgType, content);
        }
    }

    private void FlushLocked()
    {
        _timerArmed = false;
        if (_pending.Length == 0) return;
        channels.Publish(request, "stream", new JsonObject { ["name"] = _pendingStream.ToJupyter(), ["text"] = _pending.ToString() });
        _pending.Clear();
    }

    /// <summary>
    /// The engine's bundle as JSON: JSON mime types (application/json, *+json) travel as JSON, everything else as text
    /// (binary images are already base64).
    /// </summary>
    private static JsonObject Data(DisplayData display)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in display.Data)
        {
            var isJson = mime.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                         || mime.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
            data[mime] = isJson && TryParseJson(value) is { } json ? json : JsonValue.Create(value);
        }
        return data;
    }

    /// <summary>display_data, update_display_data, execute_result: data, metadata, the display id under "transient".</summary>
    private static JsonObject Display(DisplayData display)
    {
        var content = new JsonObject { ["data"] = Data(display), ["metadata"] = new JsonObject() };
        if (display.DisplayId is { } id) content["transient"] = new JsonObject { ["display_id"] = id };
        return content;
    }

    private static JsonNode? TryParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            FlushLocked();
            _disposed = true;
            _timer?.Dispose();
        }
    }
}
