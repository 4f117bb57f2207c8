using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MnistCourse.NotebookFormat;

/// <summary>
/// An nbformat 4 notebook held as its JSON tree: reading and writing keeps every field, known or not, in its order.
/// The typed members are views over that tree.
/// </summary>
public sealed class Notebook
{
    private readonly List<NotebookCell> _cells;

    private Notebook(JsonObject json, string sourceName, List<NotebookCell> cells)
    {
        Json = json;
        SourceName = sourceName;
        _cells = cells;
    }

    public JsonObject Json { get; }

    /// <summary>The file it was read from (or another name used in messages).</summary>
    public string SourceName { get; }

    public IReadOnlyList<NotebookCell> Cells => _cells;

    /// <summary>The notebook metadata object (created when missing).</summary>
    public JsonObject Metadata => Json["metadata"] as JsonObject ?? (JsonObject)(Json["metadata"] = new JsonObject());

    /// <summary>nbformat 4.5 added required cell ids; earlier minors forbid them.</summary>
    private bool UsesCellIds => Json["nbformat_minor"] is JsonValue v && v.TryGetValue<int>(out var minor) && minor >= 5;

    public static Notebook Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NotebookFormatException(path, e is FileNotFoundException ? "file not found" : "file not found (no such folder)");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, "cannot be read: " + e.Message, e);
        }
        return Parse(text, path);
    }

    public static Notebook Parse(string json, string sourceName)
    {
        JsonNode? root;
        try
        {
            // Duplicate keys are refused while parsing (naming the key), not later as an ArgumentException when an object is first read.
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new NotebookFormatException(sourceName, $"not valid JSON{where}: {e.Message}", e);
        }
        if (root is not JsonObject obj)
            throw new NotebookFormatException(sourceName, "not a notebook: the JSON is not an object");
        if (obj["nbformat"] is not JsonValue major || !major.TryGetValue<int>(out var version))
            throw new NotebookFormatException(sourceName, "not a notebook: the \"nbformat\" version number is missing");
        if (version != 4)
            throw new NotebookFormatException(sourceName, $"nbformat {version} is not supported (only nbformat 4); re-save it with Jupyter or VS Code");
        if (obj["cells"] is not JsonArray cellArray)
            throw new NotebookFormatException(sourceName, "not a notebook: the \"cells\" list is missing");

        var cells = new List<NotebookCell>();
        for (var i = 0; i < cellArray.Count; i++)
        {
            if (cellArray[i] is not JsonObject cellJson)
                throw new NotebookFormatException(sourceName, $"cell {i + 1} is not a JSON object");
            var typeName = cellJson["cell_type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
            var type = typeName switch
            {
                "code" => CellType.Code,
                "markdown" => CellType.Markdown,
                "raw" => CellType.Raw,
                null => throw new NotebookFormatException(sourceName, $"cell {i + 1} has no \"cell_type\""),
                _ => throw new NotebookFormatException(sourceName, $"cell {i + 1} has an unknown cell_type \"{typeName}\""),
            };
            var cell = new NotebookCell(cellJson, type);
            try
            {
                _ = cell.Source;
            }
            catch (FormatException e)
            {
                throw new NotebookFormatException(sourceName, $"cell {i + 1} has a malformed \"source\": {e.Message}");
            }
            cells.Add(cell);
        }
        return new Notebook(obj, sourceName, cells);
    }

    /// <summary>Inserts a new code cell at <paramref name="index"/> (0-based) and returns it.</summary>
    public NotebookCell InsertCodeCell(int index, string source, JsonObject metadata)
    {
        var json = new JsonObject { ["cell_type"] = "code" };
        if (UsesCellIds) json["id"] = Guid.NewGuid().ToString("N")[..12];
        json["metadata"] = metadata;
        json["execution_count"] = null;
        json["outputs"] = new JsonArray();
        json["source"] = MultilineText.ToLines(source);
        ((JsonArray)Json["cells"]!).Insert(index, json);
        var cell = new NotebookCell(json, CellType.Code);
        _cells.Insert(index, cell);
        return cell;
    }

    public void RemoveCell(NotebookCell cell)
    {
        var index = _cells.IndexOf(cell);
        if (index < 0) return;
        _cells.RemoveAt(index);
        ((JsonArray)Json["cells"]!).RemoveAt(index);
    }

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1, // Jupyter's own indentation: keeps diffs against files saved by Jupyter small
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep <, >, & and non-ASCII text readable
    };

    public string ToJson() => Json.ToJsonString(WriteOptions) + "\n";

    /// <summary>Writes the notebook atomically (see <see cref="AtomicFile"/>).</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());
}

/// <summary>The file is not a notebook this engine can read. The message names the file and what is wrong with it.</summary>
public sealed class NotebookFormatException(string source, string problem, Exception? inner = null)
    : Exception($"{source}: {problem}", inner);
