using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MnistCourse.NotebookFormat;

/// <summary>
/// nbformat stores multi-line text (cell source, stream text, text/* data) either as one string or as a list of lines
/// that are concatenated. This reads both and writes the list form, as Jupyter does (smaller diffs).
/// </summary>
public static class MultilineText
{
    public static string Read(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray lines => string.Concat(lines.Select(line => line is JsonValue v && v.TryGetValue<string>(out var text)
            ? text
            : throw new FormatException("a multi-line text list holds something other than strings"))),
        _ => throw new FormatException("expected a string or a list of strings"),
    };

    /// <summary>Splits after each '\n', keeping it, like nbformat's writer.</summary>
    public static JsonArray ToLines(string text) =>
        new([.. Regex.Split(text, "(?<=\n)").Where(line => line.Length > 0).Select(line => (JsonNode?)line)]);
}
