using System.Text.Json.Nodes;
using MnistCourse.Kernel.Channels;
using MnistCourse.Kernel.Execution;
using MnistCourse.Kernel.Hosting;
using MnistCourse.Kernel.Language;
using MnistCourse.Kernel.Messaging;

namespace MnistCourse.Kernel.Handlers;

/// <summary>
/// The control channel, handled at once on the channel thread even while a cell runs: interrupt_request cancels the
/// running cell, shutdown_request replies and ends the kernel, kernel_info_request answers as on shell.
/// </summary>
public sealed class ControlHandler(
    KernelChannels channels,
    MessageFactory messages,
    IopubPublisher iopub,
    ExecuteRequestHandler execution,
    Action<JupyterMessage, ChannelName> shutdown)
{
    public void Handle(JupyterMessage request)
    {
        switch (request.Type)
        {
            case "interrupt_request":
                var running = execution.Interrupt();
                KernelLog.Info(running ? "interrupt: the running cell was asked to stop" : "interrupt: no cell was running");
                Reply(request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case "shutdown_request":
                shutdown(request, ChannelName.Control);
                break;
            case "kernel_info_request":
                iopub.Status(request, "busy");
                Reply(request, "kernel_info_reply", KernelInfo.Content());
                iopub.Status(request, "idle");
                break;
            default:
                KernelLog.Warn($"unsupported control message {request.Type}; ignored");
                break;
        }
    }

    private void Reply(JupyterMessage request, string msgType, JsonObject content) =>
        channels.Send(ChannelName.Control, messages.Reply(request, msgType, content));
}
