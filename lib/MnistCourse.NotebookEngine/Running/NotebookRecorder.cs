using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using MnistCourse.NotebookEngine.Execution;
using MnistCourse.NotebookFormat;

namespace MnistCourse.NotebookEngine.Running;

/// <summary>
/// Records a run's outputs into the notebook's cells in nbformat shape: consecutive console writes to the same stream
/// are merged into one stream output (as Jupyter does) and keep only what a terminal would finally show of a line
/// redrawn with carriage returns (a progress bar leaves its last state, like Keras' verbose=2), update_display_data
/// replaces the data of every earlier output with that display id (in any cell), execute_result carries the cell's
/// execution count. Also echoes console output live to the real terminal when asked. Thread-safe.
/// </summary>
public sealed class NotebookRecorder(Notebook notebook, bool echoConsole)
{
    private readonly object _gate = new();
    private readonly bool _echo = echoConsole;
    private readonly Dictionary<NotebookCell, List<Output>> _outputs = [];
    private readonly Dictionary<string, List<JsonObject>> _displays = new(StringComparer.Ordinal);
    private volatile bool _dirty;

    /// <summary>True when outputs changed since the last <see cref="Snapshot"/>.</summary>
    public bool Dirty => _dirty;

    /// <summary>An observer that records into <paramref name="cell"/>.</summary>
    public IExecutionObserver For(NotebookCell cell)
    {
        lock (_gate) _outputs.TryAdd(cell, []);
        return new CellObserver(this, cell);
    }

    /// <summary>Writes the recorded outputs into the cells' JSON and returns the notebook text, consistently.</summary>
    public string Snapshot()
    {
        lock (_gate)
        {
            foreach (var (cell, outputs) in _outputs)
                cell.Json["outputs"] = new JsonArray(outputs.Select(o => o.ToJson()).ToArray<JsonNode?>());
            _dirty = false;
            return notebook.ToJson();
        }
    }

    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var json = new JsonObject();
        foreach (var (mime, value) in data)
            json[mime] = mime.StartsWith("text/", StringComparison.Ordinal) || mime == "image/svg+xml"
                ? MultilineText.ToLines(value.Replace("\r\n", "\n")) // the .NET formatter writes Windows line ends into its HTML
                : IsJson(mime) && TryParse(value) is { } parsed ? parsed // nbformat keeps JSON types as JSON, as Jupyter does
                : JsonValue.Create(value);
        return json;
    }

    private static bool IsJson(string mime) => mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    private static JsonNode? TryParse(string json)
    {
        try { return JsonNode.Parse(json); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>Each line as a terminal leaves it: the text after its last carriage return.</summary>
    private static string AsFinallyShown(string text)
    {
        if (!text.Contains('\r')) return text;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        return string.Join('\n', lines.Select(line => line[(line.LastIndexOf('\r') + 1)..]));
    }

    /// <summary>One output: its JSON, and for a stream the text written so far (its "text" is made at each snapshot).</summary>
    private sealed record Output(JsonObject Json, StringBuilder? Stream = null)
    {
        public JsonNode ToJson()
        {
            var json = Json.DeepClone();
            if (Stream is not null) json["text"] = MultilineText.ToLines(AsFinallyShown(Stream.ToString()));
            return json;
        }
    }

    private sealed class CellObserver(NotebookRecorder recorder, NotebookCell cell) : IExecutionObserver
    {
        public void OnStream(StreamName stream, string text)
        {
            if (recorder._echo)
            {
                var terminal = stream == StreamName.Stdout ? ConsoleCapture.OriginalOut : ConsoleCapture.OriginalError;
                lock (terminal) terminal.Write(text);
            }
            var name = stream.ToJupyter();
            Change(outputs =>
            {
                if (outputs.LastOrDefault() is { Stream: { } pending } last && (string?)last.Json["name"] == name) pending.Append(text);
                else outputs.Add(new Output(new JsonObject { ["name"] = name, ["output_type"] = "stream" }, new StringBuilder(text)));
            });
        }

        public void OnDisplayData(DisplayData display)
        {
            // A display that is only text (an exercise check's line beside its record) is echoed like console output,
            // so a headless run still shows it in the terminal; charts and images are not.
            if (recorder._echo && display.Data.TryGetValue("text/plain", out var line)
                && !display.Data.Keys.Any(mime => mime == "text/html" || mime.StartsWith("image/", StringComparison.Ordinal)))
                lock (ConsoleCapture.OriginalOut) ConsoleCapture.OriginalOut.Write(line.EndsWith('\n') ? line : line + "\n");
            var json = new JsonObject { ["data"] = Bundle(display.Data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
            Change(outputs =>
            {
                if (display.DisplayId is { } id) (CollectionsMarshal.GetValueRefOrAddDefault(recorder._displays, id, out _) ??= []).Add(json);
                outputs.Add(new Output(json));
            });
        }

        public void OnUpdateDisplayData(DisplayData display)
        {
            if (display.DisplayId is null) return;
            Change(_ =>
            {
                foreach (var json in recorder._displays.GetValueOrDefault(display.DisplayId) ?? []) json["data"] = Bundle(display.Data);
            });
        }

        public void OnExecuteResult(DisplayData result) => Change(outputs => outputs.Add(new Output(new JsonObject
        {
            ["data"] = Bundle(result.Data),
            ["execution_count"] = cell.ExecutionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        })));

        public void OnError(ExecutionError error)
        {
            var json = error.ToJson();
            json.Insert(2, "output_type", "error"); // after ename and evalue: nbformat's sorted key order
            Change(outputs => outputs.Add(new Output(json)));
        }

        private void Change(Action<List<Output>> change)
        {
            lock (recorder._gate)
            {
                change(recorder._outputs[cell]);
                recorder._dirty = true;
            }
        }
    }
}
