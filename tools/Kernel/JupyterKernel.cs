using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MnistCourse.Kernel.Channels;
using MnistCourse.Kernel.Connection;
using MnistCourse.Kernel.Execution;
using MnistCourse.Kernel.Hosting;
using MnistCourse.Kernel.Language;
using MnistCourse.Kernel.Messaging;
using MnistCourse.NotebookEngine.Execution;

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
    private const string InterruptNote =
        "Interrupt requested: this cell stops at its next loop iteration or training batch. Code that only waits " +
        "(Thread.Sleep, a blocking call) cannot be interrupted; restart the kernel to stop it.\n";

    private static readonly TimeSpan InterruptNoteDelay = TimeSpan.FromSeconds(3);

    private readonly KernelChannels _channels;
    private readonly StdinReader _stdin;
    private readonly CSharpSession _session;
    private readonly LanguageServices _language;
    private readonly Dictionary<string, ShellHandler> _shellHandlers;
    private readonly Channel<(JupyterMessage Request, long Sequence)> _shellQueue =
        Channel.CreateUnbounded<(JupyterMessage, long)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _received;
    private long _abortThrough;
    private int _shuttingDown;
    private int _executionCount;
    private RunningCell? _running;

    public JupyterKernel(ConnectionFile connection)
    {
        var directory = Environment.CurrentDirectory;
        // VS Code and jupyter_server tell the kernel which notebook it serves; tracebacks then name it.
        var notebook = Environment.GetEnvironmentVariable("JPY_SESSION_NAME");
        _session = new CSharpSession(directory, string.IsNullOrEmpty(notebook) ? "notebook" : Path.GetFileName(notebook));
        _channels = new KernelChannels(connection);
        _stdin = new StdinReader(_channels);
        _language = new LanguageServices(_session);
        _shellHandlers = ShellHandlers();
        _channels.Received += Route;
        KernelLog.Info($"C# (MnistCourse) kernel, pid {Environment.ProcessId}, cells run in {directory}");
    }

    /// <summary>Serves the front until a shutdown_request (or the front's disappearance).</summary>
    public async Task RunAsync()
    {
        Console.SetIn(_stdin);
        using var stopping = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true; // a signal-mode front's interrupt, or Ctrl+C in a terminal: interrupt, do not die
            Interrupt();
        });
        using var parent = new ParentWatch(() => Shutdown(null, ChannelName.Control));
        _channels.Start();
        _channels.Status(null, "starting");
        var shell = ServeShellAsync(stopping.Token);

        await _shutdown.Task;
        Interrupt(); // a cell still running stops at its next loop check; the process exits anyway
        _channels.Stop();
        await Task.WhenAny(_channels.Stopped, Task.Delay(TimeSpan.FromSeconds(3)));
        stopping.Cancel();
        await Task.WhenAny(shell, Task.Delay(TimeSpan.FromSeconds(1)));
        KernelLog.Info("shut down");
    }

    /// <summary>Channel thread: shell requests are queued for the shell worker, the others handled at once.</summary>
    private void Route(ChannelName channel, JupyterMessage message)
    {
        switch (channel, message.Type)
        {
            case (ChannelName.Shell, _):
                _shellQueue.Writer.TryWrite((message, Interlocked.Increment(ref _received)));
                break;
            case (ChannelName.Control, var type) when message.Malformation is { } why && ControlReplies.TryGetValue(type, out var replyType):
                ReplyBetweenBusyAndIdle(channel, message, replyType, MalformedReply(message, why));
                break;
            case (ChannelName.Control, "interrupt_request"):
                KernelLog.Info(Interrupt() ? "interrupt: the running cell was asked to stop" : "interrupt: no cell was running");
                _channels.Reply(channel, message, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                break;
            case (ChannelName.Control, "shutdown_request"):
                Shutdown(message, channel);
                break;
            case (ChannelName.Control, "kernel_info_request"):
                ReplyBetweenBusyAndIdle(channel, message, "kernel_info_reply", LanguageServices.KernelInfo());
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

    /// <summary>A shell request type's handler and the type of its reply (null: no reply, or the handler replies itself).</summary>
    private sealed record ShellHandler(string? ReplyType, Func<JupyterMessage, long, Task<JsonObject?>> Handle);

    /// <summary>Every shell request the kernel serves, in one table (as ipykernel's shell_handlers); others are logged and ignored.</summary>
    private Dictionary<string, ShellHandler> ShellHandlers()
    {
        static Task<JsonObject?> Reply(JsonObject? content) => Task.FromResult(content);
        static int Cursor(JupyterMessage r) => r.Content["cursor_pos"] is JsonValue v && v.TryGetValue<int>(out var p) ? p : r.Text("code").Length;
        var ignore = new ShellHandler(null, (_, _) => Reply(null)); // no comm targets (widgets) in this kernel
        return new Dictionary<string, ShellHandler>(StringComparer.Ordinal)
        {
            ["execute_request"] = new("execute_reply", ExecuteAsync),
            ["kernel_info_request"] = new("kernel_info_reply", (_, _) => Reply(LanguageServices.KernelInfo())),
            ["complete_request"] = new("complete_reply", (r, _) => Reply(_language.Complete(r.Text("code"), Cursor(r)))),
            ["inspect_request"] = new("inspect_reply", (r, _) => Reply(_language.Inspect(r.Text("code"), Cursor(r)))),
            ["is_complete_request"] = new("is_complete_reply", (r, _) => Reply(LanguageServices.IsComplete(r.Text("code")))),
            ["history_request"] = new("history_reply", (_, _) => Reply(new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() })),
            ["comm_info_request"] = new("comm_info_reply", (_, _) => Reply(new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() })),
            // Older fronts send it on shell; Shutdown replies itself (it also serves control).
            ["shutdown_request"] = new("shutdown_reply", (r, _) => { Shutdown(r, ChannelName.Shell); return Reply(null); }),
            ["comm_open"] = ignore,
            ["comm_msg"] = ignore,
            ["comm_close"] = ignore,
        };
    }

    /// <summary>The reply types of the control requests (handled on the channel thread, see <see cref="Route"/>).</summary>
    private static readonly Dictionary<string, string> ControlReplies = new(StringComparer.Ordinal)
    {
        ["interrupt_request"] = "interrupt_reply", ["shutdown_request"] = "shutdown_reply", ["kernel_info_request"] = "kernel_info_reply",
    };

    private async Task HandleShellAsync(JupyterMessage request, long sequence)
    {
        if (!_shellHandlers.TryGetValue(request.Type, out var handler))
        {
            KernelLog.Warn($"unsupported shell message {request.Type}; ignored");
            return;
        }
        JsonObject? reply;
        try
        {
            if (request.Malformation is { } why) throw new MalformedMessageException(why);
            reply = await handler.Handle(request, sequence);
        }
        catch (MalformedMessageException e)
        {
            reply = MalformedReply(request, e.Message);
            if (request.Type == "execute_request") reply["execution_count"] = _executionCount;
        }
        if (reply is not null && handler.ReplyType is not null) _channels.Reply(ChannelName.Shell, request, handler.ReplyType, reply);
    }

    /// <summary>The error reply to a signed request that cannot be read, as ipykernel answers one; logged.</summary>
    private static JsonObject MalformedReply(JupyterMessage request, string why)
    {
        KernelLog.Warn($"malformed {request}: {why}; answered with an error reply");
        return new JsonObject
        {
            ["status"] = "error", ["ename"] = "MalformedMessage", ["evalue"] = why,
            ["traceback"] = new JsonArray($"MalformedMessage: the kernel could not read this {request.Type}: {why}"),
        };
    }

    /// <summary>
    /// Runs the code as the next cell of the session, publishes execute_input and the outputs on IOPub, and replies with
    /// the status and execution count (the reply, sent by the caller at once). A failed cell with stop_on_error aborts the
    /// requests queued before its reply; a request queued behind such a failure is answered "aborted".
    /// </summary>
    private async Task<JsonObject?> ExecuteAsync(JupyterMessage request, long sequence)
    {
        var code = request.Text("code");
        if (sequence <= Interlocked.Read(ref _abortThrough)) return new JsonObject { ["status"] = "aborted" };
        var silent = request.Flag("silent", false);
        if (request.Flag("store_history", !silent) && !silent) _executionCount++;
        var count = _executionCount;
        if (!silent) _channels.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        using var cancellation = new CancellationTokenSource();
        var observer = new IopubCellObserver(_channels, request, count, silent);
        var cell = new RunningCell(cancellation, observer);
        Interlocked.Exchange(ref _running, cell);
        _stdin.BeginCell(request, request.Flag("allow_stdin", false), cancellation.Token, observer.Flush);
        CellOutcome outcome;
        try
        {
            outcome = ShowMarkdown(code, observer) ?? await _session.ExecuteAsync(code, $"In[{count}]", observer, cancellation.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The engine reports user errors itself; this is the engine failing. The front still gets its reply.
            KernelLog.Error($"In[{count}]: the engine failed: {e}");
            var error = new ExecutionError("KernelError", $"the kernel failed to run the cell: {e.Message}", [$"KernelError: {e.Message}", $"   in In[{count}]"]);
            observer.OnError(error);
            outcome = new CellOutcome(error);
        }
        finally
        {
            _stdin.EndCell();
            Interlocked.CompareExchange(ref _running, null, cell);
            cell.Ended = true;
            observer.Dispose();
        }

        var reply = outcome.Error?.ToJson() ?? new JsonObject { ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() };
        reply["status"] = outcome.Succeeded ? "ok" : "error";
        reply["execution_count"] = count;
        if (!outcome.Succeeded && cancellation.IsCancellationRequested) KernelLog.Info($"In[{count}] interrupted");
        // Before the reply: a request the front sends after reading it was not queued behind the failure.
        if (!outcome.Succeeded && request.Flag("stop_on_error", true))
            Interlocked.Exchange(ref _abortThrough, Interlocked.Read(ref _received));
        return reply;
    }

    /// <summary>
    /// Interrupts the running cell, if any (control thread or SIGINT), cooperatively: see CellInterruption in the engine.
    /// Returns whether a cell was running.
    /// </summary>
    private bool Interrupt()
    {
        var cell = Volatile.Read(ref _running);
        if (cell is null) return false;
        try
        {
            cell.Cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return false; // it just ended
        }
        // Say why nothing happens when the cell does not reach an interruption point soon.
        _ = Task.Delay(InterruptNoteDelay).ContinueWith(_ =>
        {
            if (!cell.Ended) cell.Observer.OnStream(StreamName.Stderr, InterruptNote);
        }, TaskScheduler.Default);
        return true;
    }

    /// <summary>
    /// A code cell that starts with <c>#!markdown</c> is shown as Markdown, as Polyglot Notebooks does; the engine itself
    /// runs C# only (the headless runner skips such cells).
    /// </summary>
    private static CellOutcome? ShowMarkdown(string code, IExecutionObserver observer)
    {
        var lines = code.TrimStart().Split('\n', 2);
        if (lines[0].Trim() is not ("#!markdown" or "#!md")) return null;
        var markdown = lines.Length > 1 ? lines[1] : "";
        observer.OnDisplayData(new DisplayData(new Dictionary<string, string> { ["text/markdown"] = markdown, ["text/plain"] = markdown }));
        return CellOutcome.Success;
    }

    private sealed record RunningCell(CancellationTokenSource Cancellation, IopubCellObserver Observer)
    {
        public volatile bool Ended;
    }

    private void Shutdown(JupyterMessage? request, ChannelName channel)
    {
        if (Interlocked.Exchange(ref _shuttingDown, 1) == 1) return;
        if (request is not null)
        {
            var restart = request.Flag("restart", false);
            KernelLog.Info(restart ? "shutdown requested (the front restarts the kernel)" : "shutdown requested");
            ReplyBetweenBusyAndIdle(channel, request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
        }
        _shutdown.TrySetResult();
    }

    /// <summary>A reply handled on the channel thread, bracketed by IOPub busy … idle as the shell worker brackets its own.</summary>
    private void ReplyBetweenBusyAndIdle(ChannelName channel, JupyterMessage request, string msgType, JsonObject content)
    {
        _channels.Status(request, "busy");
        _channels.Reply(channel, request, msgType, content);
        _channels.Status(request, "idle");
    }

    /// <summary>Closes the sockets (flushing what is queued). The session is left to the process's end: a cell that
    /// ignored the interrupt may still be running on it, and only ending the process stops it.</summary>
    public void Dispose() => _channels.Dispose();
}
