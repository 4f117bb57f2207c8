using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MnistCourse.Kernel.Messaging;

/// <summary>
/// One message of the Jupyter messaging protocol, decoded. <see cref="Identities"/> are the ZeroMQ routing frames
/// before the delimiter: a reply on a ROUTER socket goes back to them; on IOPub the single identity is the topic.
/// Binary buffers (only comm messages carry them; this kernel has no comm targets) are not kept.
/// The kernel's own messages get a fresh header (this kernel process's session id, protocol 5.3) and the request's
/// header as parent: that is how a front matches outputs and replies to the cell that asked.
/// </summary>
public sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content)
{
    public const string ProtocolVersion = "5.3";

    private static readonly string Session = Guid.NewGuid().ToString("N");

    public string Type => Header["msg_type"] is JsonValue value && value.TryGetValue<string>(out var type) ? type : "";

    /// <summary>
    /// Set when the message was signed correctly but cannot be read (why, in a sentence): it is answered with an error
    /// reply instead of being handled. Its content is then empty.
    /// </summary>
    public string? Malformation { get; init; }

    /// <summary>A string field of the content ("" when absent); another type is a <see cref="MalformedMessageException"/>.</summary>
    public string Text(string name) => Content[name] switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        var other => throw new MalformedMessageException($"content.{name} is a JSON {other.GetValueKind().ToString().ToLowerInvariant()}, not a string"),
    };

    public bool Flag(string name, bool fallback) => Content[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : fallback;

    public override string ToString() => $"{Type} {Header["msg_id"]}";

    /// <summary>A reply (or stdin request) to this request, routed back to the client that sent it.</summary>
    public JupyterMessage Reply(string msgType, JsonObject content) =>
        new(Identities, NewHeader(msgType), (JsonObject)Header.DeepClone(), new JsonObject(), content);

    /// <summary>A broadcast on IOPub; the topic frame is "kernel.SESSION.TYPE", as ipykernel names it.</summary>
    public static JupyterMessage Broadcast(JupyterMessage? parent, string msgType, JsonObject content) =>
        new([Encoding.UTF8.GetBytes($"kernel.{Session}.{msgType}")], NewHeader(msgType),
            (JsonObject?)parent?.Header.DeepClone() ?? new JsonObject(), new JsonObject(), content);

    private static readonly string UserName = Environment.UserName; // read once: a passwd (maybe LDAP) lookup

    private static JsonObject NewHeader(string msgType) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = Session,
        ["username"] = UserName,
        // ISO 8601 with at most 6 fraction digits: what jupyter_client's date parser accepts.
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };
}
