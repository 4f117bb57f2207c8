using System.Text.Json.Nodes;

namespace MnistCourse.Notebooks.Format;

/// <summary>The nbformat objects that may be absent in a file but are always there once asked for.</summary>
internal static class JsonChild
{
    /// <summary>The object under <paramref name="key"/>, created (and attached) when missing or not an object.</summary>
    public static JsonObject Object(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing) return existing;
        var created = new JsonObject();
        parent[key] = created;
        return created;
    }
}
