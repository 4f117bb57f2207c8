using System.Text.Json;
using System.Text.Json.Nodes;
using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel.Execution;

/// <summary>
/// The engine's formatted values as the JSON of display_data / update_display_data / execute_result. JSON mime
/// types (application/json, *+json) travel as JSON, everything else as text (binary images are already base64).
/// </summary>
public static class MimeBundle
{
    public static JsonObject Data(DisplayData display)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in display.Data) data[mime] = IsJson(mime) && TryParse(value) is { } json ? json : JsonValue.Create(value);
        return data;
    }

    /// <summary>display_data and update_display_data: data, metadata, and the display id under "transient".</summary>
    public static JsonObject Display(DisplayData display)
    {
        var content = new JsonObject { ["data"] = Data(display), ["metadata"] = new JsonObject() };
        if (display.DisplayId is { } id) content["transient"] = new JsonObject { ["display_id"] = id };
        return content;
    }

    private static bool IsJson(string mime) =>
        mime.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mime.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static JsonNode? TryParse(string text)
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
}
