using System.Text.Json;
using System.Text.Json.Nodes;
using MnistCourse.NotebookFormat;

namespace MnistCourse.Launcher.Grading;

/// <summary>
/// What a learner's executed copy says: the mark of each exercise cell (the last check record among its outputs; the
/// exercise is the cell's <c>metadata.mnistcourse.exercise</c>) and the first error a cell shows. The copy was written
/// by the learner's process, so it is read as untrusted input: anything malformed counts as no record.
/// </summary>
internal sealed record ExecutedNotebook(IReadOnlyDictionary<string, Mark> Marks, string? FirstError)
{
    public static ExecutedNotebook Read(string path)
    {
        var notebook = Notebook.Load(path);
        var marks = new Dictionary<string, Mark>(StringComparer.Ordinal);
        string? firstError = null;
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            var outputs = cell.Outputs.OfType<JsonObject>().ToList();
            if (firstError is null && outputs.FirstOrDefault(o => Text(o["output_type"]) == "error") is { } error)
                firstError = $"cell {index + 1}: {Text(error["ename"])}: {Text(error["evalue"])}";
            if (ExerciseOf(cell) is not { } exercise) continue;
            var record = outputs.Select(o => RecordIn(o["data"]?[CheckRecord.MimeType])).LastOrDefault(r => r is not null);
            marks[exercise] = record is null ? Mark.Missing : Grading.Marks.From(record);
        }
        return new ExecutedNotebook(marks, firstError);
    }

    /// <summary>The exercise a cell is (its <c>metadata.mnistcourse.exercise</c>), or null.</summary>
    public static string? ExerciseOf(NotebookCell cell) =>
        cell.Json["metadata"]?["mnistcourse"]?["exercise"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;

    /// <summary>A record as nbformat keeps it (a JSON object; a string from another writer), or null when it is not one.</summary>
    private static CheckRecord? RecordIn(JsonNode? data)
    {
        if (data is null) return null;
        try
        {
            return CheckRecord.FromJson(data is JsonValue value && value.TryGetValue<string>(out var text) ? text : data.ToJsonString());
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "";
}
