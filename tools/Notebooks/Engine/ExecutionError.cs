using System.Text.Json.Nodes;

namespace MnistCourse.Notebooks.Engine;

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
