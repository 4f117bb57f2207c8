using System.Text.Json.Nodes;

namespace MnistCourse.Kernel.Messaging;

/// <summary>
/// One message of the Jupyter messaging protocol, decoded. <see cref="Identities"/> are the ZeroMQ routing frames
/// before the delimiter: a reply on a ROUTER socket goes back to them; on IOPub the single identity is the topic.
/// </summary>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    public string Type => (string?)Header["msg_type"] ?? "";

    public string Id => (string?)Header["msg_id"] ?? "";

    /// <summary>A string of the content, "" when absent.</summary>
    public string Text(string name) => (string?)Content[name] ?? "";

    /// <summary>A boolean of the content, <paramref name="fallback"/> when absent.</summary>
    public bool Flag(string name, bool fallback) => Content[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    public override string ToString() => $"{Type} {Id}";
}
