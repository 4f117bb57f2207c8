using System.Text.Json.Nodes;
using MnistCourse.Kernel.Messaging;

namespace MnistCourse.Kernel.Channels;

/// <summary>Broadcasts on IOPub: outputs, status (busy/idle) and the code being executed, each tied to its request.</summary>
public sealed class IopubPublisher(KernelChannels channels, MessageFactory messages)
{
    public void Publish(JupyterMessage? parent, string msgType, JsonObject content) =>
        channels.Send(ChannelName.IOPub, messages.Broadcast(parent, msgType, content));

    /// <summary>"starting", "busy" or "idle": fronts show it, and wait for "idle" to know a request is fully handled.</summary>
    public void Status(JupyterMessage? parent, string state) =>
        Publish(parent, "status", new JsonObject { ["execution_state"] = state });
}
