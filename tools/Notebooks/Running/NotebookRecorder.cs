using System.Text;
using System.Text.Json.Nodes;
using MnistCourse.Notebooks.Engine;
using MnistCourse.Notebooks.Format;

namespace MnistCourse.Notebooks.Running;

/// <summary>
/// Records a run's outputs into the notebook's cells in nbformat shape: consecutive console writes to the same stream
/// are merged into one stream output (as Jupyter does) and keep only what a terminal would finally show of a line
/// redrawn with carriage returns (a progress bar leaves its last state, like Keras' verbose=2), update_display_data replaces the data of every earlier output
/// with that display id (in any cell), execute_result carries the cell's execution count.
/// Also echoes console output live to the real terminal when asked. Thread-safe.
/// </summary>
public sealed class NotebookRecorder
{
    private readonly object _gate = new();
    private readonly Notebook _notebook;
    private readonly bool _echo;
    private readonly Dictionary<NotebookCell, List<Output>> _outputs = [];
    private readonly Dictionary<string, List<JsonObject>> _displays = new(StringComparer.Ordinal);
    private bool _dirty;

    public NotebookRecorder(Notebook notebook, bool echoConsole)
    {
        _notebook = notebook;
        _echo = echoConsole;
    }

    /// <summary>True when outputs changed since the last <see cref="Snapshot"/>.</summary>
    public bool Dirty
    {
        get
        {
            lock (_gate) return _dirty;
        }
    }

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
            return _notebook.ToJson();
        }
    }

    private void Add(NotebookCell cell, Output output)
    {
        lock (_gate)
        {
            _outputs[cell].Add(output);
            _dirty = true;
        }
    }

    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var json = new JsonObject();
        foreach (var (mime, value) in data)
            json[mime] = mime.StartsWith("text/", StringComparison.Ordinal) || mime == "image/svg+xml"
                ? MultilineText.ToLines(value.Replace("\r\n", "\n")) // the .NET formatter writes Windows line ends into its HTML
                : JsonValue.Create(value);
        return json;
    }

    private abstract class Output
    {
        public abstract JsonNode ToJson();
    }

    private sealed class StreamOutput(string name) : Output
    {
        public string Name { get; } = name;
        public StringBuilder Text { get; } = new();

        public override JsonNode ToJson() => new JsonObject
        {
            ["name"] = Name,
            ["output_type"] = "stream",
            ["text"] = MultilineText.ToLines(AsFinallyShown(Text.ToString())),
        };

        /// <summary>Each line as a terminal leaves it: the text after its last carriage return.</summary>
        internal static string AsFinallyShown(string text)
        {
            if (!text.Contains('\r')) return text;
            var lines = text.Replace("\r\n", "\n").Split('\n');
            return string.Join('\n', lines.Select(line => line[(line.LastIndexOf('\r') + 1)..]));
        }
    }

    private sealed class JsonOutput(JsonObject json) : Output
    {
        public JsonObject Json { get; } = json;

        public override JsonNode ToJson() => Json.DeepClone();
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
            lock (recorder._gate)
            {
                var outputs = recorder._outputs[cell];
                if (outputs.LastOrDefault() is StreamOutput last && last.Name == name) last.Text.Append(text);
                else
                {
                    var output = new StreamOutput(name);
                    output.Text.Append(text);
                    outputs.Add(output);
                }
                recorder._dirty = true;
            }
        }

        public void OnDisplayData(DisplayData display)
        {
            var json = new JsonObject
            {
                ["data"] = Bundle(display.Data),
                ["metadata"] = new JsonObject(),
                ["output_type"] = "display_data",
            };
            lock (recorder._gate)
            {
                if (display.DisplayId is { } id)
                {
                    if (!recorder._displays.TryGetValue(id, out var list)) recorder._displays[id] = list = [];
                    list.Add(json);
                }
            }
            recorder.Add(cell, new JsonOutput(json));
        }

        public void OnUpdateDisplayData(DisplayData display)
        {
            if (display.DisplayId is null) return;
            lock (recorder._gate)
            {
                if (!recorder._displays.TryGetValue(display.DisplayId, out var list)) return;
                foreach (var json in list) json["data"] = Bundle(display.Data);
                recorder._dirty = true;
            }
        }

        public void OnExecuteResult(DisplayData result) => recorder.Add(cell, new JsonOutput(new JsonObject
        {
            ["data"] = Bundle(result.Data),
            ["execution_count"] = cell.ExecutionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        }));

        public void OnError(ExecutionError error) => recorder.Add(cell, new JsonOutput(new JsonObject
        {
            ["ename"] = error.EName,
            ["evalue"] = error.EValue,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
        }));
    }
}
