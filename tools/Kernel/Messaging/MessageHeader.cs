using System.Globalization;
using System.Text.Json.Nodes;

namespace MnistCourse.Kernel.Messaging;

/// <summary>The header every message the kernel sends carries (protocol version 5.3).</summary>
public static class MessageHeader
{
    public const string ProtocolVersion = "5.3";

    public static JsonObject Create(string msgType, string session, string username) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = username,
        // ISO 8601 with at most 6 fraction digits: what jupyter_client's date parser accepts.
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = msgType,
        ["version"] = ProtocolVersion,
    };
}
