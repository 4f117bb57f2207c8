using System.Text.Json.Nodes;

namespace MnistCourse.NotebookFormat;

/// <summary>
/// One cell of a notebook: a thin view over its JSON object, so that every field this class does not know
/// (and all metadata) survives a read/write round trip untouched.
/// </summary>
public sealed class NotebookCell
{
    internal NotebookCell(JsonObject json, CellType type)
    {
        Json = json;
        Type = type;
    }

    /// <summary>The cell's JSON, for fields this view does not cover.</summary>
    public JsonObject Json { get; }

    public CellType Type { get; }

    /// <summary>The nbformat 4.5 cell id, when the notebook has ids.</summary>
    public string? Id => Json["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

    /// <summary>The source as one string (nbformat allows a string or a list of lines).</summary>
    public string Source => MultilineText.Read(Json["source"]);

    /// <summary>The cell's <c>metadata.tags</c>.</summary>
    public IReadOnlyList<string> Tags =>
        Json["metadata"]?["tags"] is JsonArray tags
            ? tags.OfType<JsonValue>().Select(t => t.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToList()
            : [];

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>The code cell's outputs (empty when it has none, and for other cell types).</summary>
    public JsonArray Outputs => Json["outputs"] as JsonArray ?? new JsonArray();

    /// <summary>The code cell's execution count (null when not executed).</summary>
    public int? ExecutionCount
    {
        get => Json["execution_count"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;
        set => Json["execution_count"] = Type == CellType.Code
            ? value
            : throw new InvalidOperationException("only code cells have an execution count");
    }

    /// <summary>Forgets a code cell's earlier run: no outputs, no execution count.</summary>
    public void ClearOutputs()
    {
        if (Type != CellType.Code) return;
        Json["outputs"] = new JsonArray();
        Json["execution_count"] = null;
    }
}

/// <summary>The nbformat cell types.</summary>
public enum CellType
{
    Code,
    Markdown,
    Raw,
}
