using System.Text.Json.Nodes;
using System.Threading.Channels;
using MnistCourse.Kernel.Channels;
using MnistCourse.Kernel.Execution;
using MnistCourse.Kernel.Hosting;
using MnistCourse.Kernel.Language;
using MnistCourse.Kernel.Messaging;
using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel.Handlers;

/// <summary>
/// The shell channel's requests, one at a time in arrival order (as Jupyter expects), on a worker of their own so the
/// channel thread stays free for control (interrupt, shutdown) and stdin. Each request is bracketed by IOPub status
/// busy … idle. After a failed cell with stop_on_error, the execute_requests that were already queued are
/// answered "aborted" instead of run, as ipykernel does for "Run All".
/// </summary>
public sealed class ShellHandler(
    KernelChannels channels,
    ExecuteRequestHandler execution,
    CSharpSession session,
    Action<JupyterMessage, ChannelName> shutdown)
{
    private readonly LanguageServices _language = new(session);

    private readonly Channel<(JupyterMessage Message, long Sequence)> _queue =
        Channel.CreateUnbounded<(JupyterMessage, long)>(new UnboundedChannelOptions { SingleReader = true });

    private long _received;
    private long _abortThrough;

    /// <summary>Queues a request (channel thread).</summary>
    public void Enqueue(JupyterMessage message) => _queue.Writer.TryWrite((message, Interlocked.Increment(ref _received)));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (message, sequence) in _queue.Reader.ReadAllAsync(cancellationToken))
                await HandleAsync(message, sequence);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(JupyterMessage request, long sequence)
    {
        channels.Status(request, "busy");
        try
        {
            switch (request.Type)
            {
                case "execute_request" when sequence <= Interlocked.Read(ref _abortThrough):
                    Reply(request, "execute_reply", new JsonObject { ["status"] = "aborted" });
                    break;
                case "execute_request":
                    if (!await execution.HandleAsync(request) && request.Flag("stop_on_error", true))
                        Interlocked.Exchange(ref _abortThrough, Interlocked.Read(ref _received));
                    break;
                case "kernel_info_request":
                    Reply(request, "kernel_info_reply", KernelInfo.Content());
                    break;
                case "complete_request":
                    Reply(request, "complete_reply", _language.Complete(request.Text("code"), CursorPosition(request)));
                    break;
                case "inspect_request":
                    Reply(request, "inspect_reply", _language.Inspect(request.Text("code"), CursorPosition(request)));
                    break;
                case "is_complete_request":
                    Reply(request, "is_complete_reply", LanguageServices.IsComplete(request.Text("code")));
                    break;
                case "history_request":
                    Reply(request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                    break;
                case "comm_info_request":
                    Reply(request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "shutdown_request": // older fronts send it on shell
                    shutdown(request, ChannelName.Shell);
                    break;
                case "comm_open" or "comm_msg" or "comm_close":
                    break; // no comm targets (widgets) in this kernel
                default:
                    KernelLog.Warn($"unsupported shell message {request.Type}; ignored");
                    break;
            }
        }
        catch (Exception e)
        {
            KernelLog.Error($"handling {request}: {e}");
        }
        finally
        {
            channels.Status(request, "idle");
        }
    }

    private void Reply(JupyterMessage request, string msgType, JsonObject content) => channels.Reply(ChannelName.Shell, request, msgType, content);

    private static int CursorPosition(JupyterMessage request) =>
        request.Content["cursor_pos"] is JsonValue value && value.TryGetValue<int>(out var position) ? position : request.Text("code").Length;
}
