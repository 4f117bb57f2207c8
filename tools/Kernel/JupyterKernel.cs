using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MnistCourse.Kernel.Channels;
using MnistCourse.Kernel.Connection;
using MnistCourse.Kernel.Execution;
using MnistCourse.Kernel.Hosting;
using MnistCourse.Kernel.Language;
using MnistCourse.Kernel.Messaging;
using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel;

/// <summary>
/// The course's Jupyter kernel: the notebook engine (<see cref="CSharpSession"/>, the same one the headless runner
/// uses) behind the Jupyter messaging protocol 5.3. One session per kernel process; cells run in the kernel's
/// current directory, which Jupyter fronts set to the notebook's folder, so relative <c>#r</c> paths work as in Polyglot.
/// Shell requests run one at a time in arrival order (as Jupyter expects) on a worker of their own, so the channel
/// thread stays free for control requests (interrupt, shutdown, kernel info), handled at once even while a cell runs,
/// and for stdin. Each request is bracketed by IOPub status busy … idle. After a failed cell with stop_on_error, the
/// execute_requests already queued are answered "aborted" instead of run, as ipykernel does for "Run All".
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private readonly KernelChannels _channels;
    private readonly Heartbeat _heartbeat;
    private readonly StdinReader _stdin;
    private readonly ExecuteRequestHandler _execution;
    private readonly LanguageServices _language;
    private readonly Channel<(JupyterMessage Request, long Sequence)> _shellQueue =
        Channel.CreateUnbounded<(JupyterMessage, long)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _received;
    private long _abortThrough;
    private int _shuttingDown;

    public JupyterKernel(ConnectionFile connection)
    {
        var directory = Environment.CurrentDirectory;
        // VS Code and jupyter_server tell the kernel which notebook it serves; tracebacks then name it.
        var notebook = Environment.GetEnvironmentVariable("JPY_SESSION_NAME");
        var session = new CSharpSession(directory, string.IsNullOrEmpty(notebook) ? "notebook" : Path.GetFileName(notebook));
        _channels = new KernelChannels(connection);
        _heartbeat = new Heartbeat(connection.Endpoint(connection.HeartbeatPort));
        _stdin = new StdinReader(_channels);
        _execution = new ExecuteRequestHandler(session, _channels, _stdin);
        _language = new LanguageServices(session);
        _channels.Received += Route;
        KernelLog.Info($"C# (MnistCourse) kernel, pid {Environment.ProcessId}, cells run in {directory}");
    }

    /// <summary>Serves the front until a shutdown_request (or the front's disappearance); returns the exit code.</summary>
    public async Task<int> RunAsync()
    {
        Console.SetIn(_stdin);
        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true; // a signal-mode front's interrupt, or Ctrl+C in a terminal: interrupt, do not die
            _execution.Interrupt();
        });
        using var parent = new ParentWatch(() => Shutdown(null, ChannelName.Control));
        _channels.Start();
        _channels.Status(null, "starting");
        var shell = ServeShellAsync(stopping.Token);

        await _shutdown.Task;
        _execution.Interrupt(); // a cell still running stops at its next loop check; the process exits anyway
        _channels.Stop();
        await Task.WhenAny(_channels.Stopped, Task.Delay(TimeSpan.FromSeconds(3)));
        stopping.Cancel();
        await Task.WhenAny(shell, Task.Delay(TimeSpan.FromSeconds(1)));
        KernelLog.Info("shut down");
        return 0;
    }

    /// <summary>Channel thread: shell requests are queued for the shell worker, the others handled at once.</summary>
    private void Route(ChannelName channel, JupyterMessage message)
    {
        switch (channel, message.Type)
        {
            case (ChannelName.Shell, _):
                _shellQueue.Writer.TryWrite((message, Interlocked.Increment(ref _received)));
                break;
            case (ChannelName.Control, "interrupt_request"):
                KernelLog.Info(_execution.Interrupt() ? "interrupt: the running cell was asked to stop" : "interrupt: no cell was running");
                _channels.Reply(channel, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case (ChannelName.Control, "shutdown_request"):
                Shutdown(message, channel);
                break;
            case (ChannelName.Control, "kernel_info_request"):
                _channels.Status(message, "busy");
                _channels.Reply(channel, message, "kernel_info_reply", KernelInfo.Content());
                _channels.Status(message, "idle");
                break;
            case (ChannelName.Stdin, "input_reply"):
                _stdin.OnInputReply(message);
                break;
            default:
                KernelLog.Warn($"unexpected {message.Type} on {channel}; ignored");
                break;
        }
    }

    private async Task ServeShellAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (request, sequence) in _shellQueue.Reader.ReadAllAsync(cancellationToken))
            {
                _channels.Status(request, "busy");
                try
                {
                    await HandleShellAsync(request, sequence);
                }
                catch (Exception e)
                {
                    KernelLog.Error($"handling {request}: {e}");
                }
                finally
                {
                    _channels.Status(request, "idle");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleShellAsync(JupyterMessage request, long sequence)
    {
        var code = request.Text("code");
        var cursor = request.Content["cursor_pos"] is JsonValue value && value.TryGetValue<int>(out var position) ? position : code.Length;
        var reply = request.Type switch
        {
            "execute_request" when sequence <= Interlocked.Read(ref _abortThrough) => new JsonObject { ["status"] = "aborted" },
            "kernel_info_request" => KernelInfo.Content(),
            "complete_request" => _language.Complete(code, cursor),
            "inspect_request" => _language.Inspect(code, cursor),
            "is_complete_request" => LanguageServices.IsComplete(code),
            "history_request" => new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() },
            "comm_info_request" => new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() },
            _ => null,
        };
        if (reply is not null) _channels.Reply(ChannelName.Shell, request, request.Type.Replace("_request", "_reply"), reply);
        else if (request.Type == "execute_request")
        {
            if (!await _execution.HandleAsync(request) && request.Flag("stop_on_error", true))
                Interlocked.Exchange(ref _abortThrough, Interlocked.Read(ref _received));
        }
        else if (request.Type == "shutdown_request") Shutdown(request, ChannelName.Shell); // older fronts send it on shell
        else if (request.Type is not ("comm_open" or "comm_msg" or "comm_close")) // no comm targets (widgets) in this kernel
            KernelLog.Warn($"unsupported shell message {request.Type}; ignored");
    }

    private void Shutdown(JupyterMessage? request, ChannelName channel)
    {
        if (Interlocked.Exchange(ref _shuttingDown, 1) == 1) return;
        if (request is not null)
        {
            var restart = request.Flag("restart", false);
            KernelLog.Info(restart ? "shutdown requested (the front restarts the kernel)" : "shutdown requested");
            _channels.Status(request, "busy");
            _channels.Reply(channel, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
            _channels.Status(request, "idle");
        }
        _shutdown.TrySetResult();
    }

    /// <summary>Closes the sockets (flushing what is queued). The session is left to the process's end: a cell that
    /// ignored the interrupt may still be running on it, and only ending the process stops it.</summary>
    public void Dispose()
    {
        _heartbeat.Dispose();
        _channels.Dispose();
    }
}
