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

    public override string ToString() => $"{Type} {Id}";
}
