using System.Text.Json.Nodes;

namespace MnistCourse.Notebooks.Running;

/// <summary>
/// An override for one parameter: either text from the command line (<c>--set name=value</c>) or a JSON value from
/// the notebook's <c>metadata.mnistcourse.quick</c>. Converted to a C# literal of the parameter's declared type.
/// </summary>
public sealed record ParameterValue(string? Text, JsonNode? Json, string Origin)
{
    public static ParameterValue FromCommandLine(string text) => new(text, null, "--set");

    public static ParameterValue FromJson(JsonNode? json, string origin) => new(null, json, origin);

    public override string ToString() => Text ?? Json?.ToJsonString() ?? "null";
}
