using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MnistCourse.Kernel.Messaging;

/// <summary>
/// One message of the Jupyter messaging protocol, decoded. <see cref="Identities"/> are the ZeroMQ routing frames
/// before the delimiter: a reply on a ROUTER socket goes back to them; on IOPub the single identity is the topic.
/// Binary buffers (only comm messages carry them; this kernel has no comm targets) are not kept.
/// </summary>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content)
{
    public string Type => (string?)Header["msg_type"] ?? "";

    public string Text(string name) => (string?)Content[name] ?? "";

    public bool Flag(string name, bool fallback) => Content[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    public override string ToString() => $"{Type} {Header["msg_id"]}";
}

/// <summary>
/// Makes the kernel's messages: a fresh header (this kernel's session id, protocol 5.3), the request's header as
/// parent — that is how a front matches outputs and replies to the cell that asked — and, for ROUTER channels, the
/// request's routing identities so the reply reaches the client that sent it.
/// </summary>
public sealed class MessageFactory
{
    public const string ProtocolVersion = "5.3";

    private readonly string _session = Guid.NewGuid().ToString("N");
    private readonly string _username = Environment.UserName;

    /// <summary>A reply (or stdin request) to <paramref name="request"/> on the channel it came from or its stdin twin.</summary>
    public JupyterMessage Reply(JupyterMessage request, string msgType, JsonObject content) =>
        new(request.Identities, Header(msgType), (JsonObject)request.Header.DeepClone(), new JsonObject(), content);

    /// <summary>A broadcast on IOPub; the topic frame is "kernel.SESSION.TYPE", as ipykernel names it.</summary>
    public JupyterMessage Broadcast(JupyterMessage? parent, string msgType, JsonObject content) =>
        new([Encoding.UTF8.GetBytes($"kernel.{_session}.{msgType}")], Header(msgType),
            (JsonObject?)parent?.Header.DeepClone() ?? new JsonObject(), new JsonObject(), content);

    private JsonObject Header(string msgType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = _session,
        ["username"] = _username,
        // ISO 8601 with at most 6 fraction digits: what jupyter_client's date parser accepts.
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };
}
