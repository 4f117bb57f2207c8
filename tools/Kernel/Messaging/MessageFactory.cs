using System.Text;
using System.Text.Json.Nodes;

namespace MnistCourse.Kernel.Messaging;

/// <summary>
/// Makes the kernel's messages: a fresh header (this kernel's session id), the request's header as parent — that is
/// how a front matches outputs and replies to the cell that asked — and, for ROUTER channels, the request's routing
/// identities so the reply reaches the client that sent it.
/// </summary>
public sealed class MessageFactory
{
    private readonly string _username = Environment.UserName;

    /// <summary>This kernel process's session id (the "session" of every header it sends).</summary>
    public string Session { get; } = Guid.NewGuid().ToString("N");

    /// <summary>A reply (or stdin request) to <paramref name="request"/> on the channel it came from or its stdin twin.</summary>
    public JupyterMessage Reply(JupyterMessage request, string msgType, JsonObject content) =>
        new(request.Identities, MessageHeader.Create(msgType, Session, _username), Clone(request.Header), new JsonObject(), content, []);

    /// <summary>A broadcast on IOPub; the topic frame is "kernel.SESSION.TYPE", as ipykernel names it.</summary>
    public JupyterMessage Broadcast(JupyterMessage? parent, string msgType, JsonObject content) =>
        new([Encoding.UTF8.GetBytes($"kernel.{Session}.{msgType}")], MessageHeader.Create(msgType, Session, _username),
            parent is null ? new JsonObject() : Clone(parent.Header), new JsonObject(), content, []);

    private static JsonObject Clone(JsonObject header) => (JsonObject)header.DeepClone();
}
