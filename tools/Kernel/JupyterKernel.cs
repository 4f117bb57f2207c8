using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using MnistCourse.Kernel.Channels;
using MnistCourse.Kernel.Connection;
using MnistCourse.Kernel.Execution;
using MnistCourse.Kernel.Handlers;
using MnistCourse.Kernel.Hosting;
using MnistCourse.Kernel.Language;
using MnistCourse.Kernel.Messaging;
using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel;

/// <summary>
/// The course's Jupyter kernel: the notebook engine (<see cref="CSharpSession"/>, the same one the headless runner
/// uses) behind the Jupyter messaging protocol 5.3. One session per kernel process; cells run in the kernel's
/// current directory, which Jupyter fronts set to the notebook's folder, so relative <c>#r</c> paths work as in Polyglot.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private readonly CSharpSession _session;
    private readonly KernelChannels _channels;
    private readonly Heartbeat _heartbeat;
    private readonly MessageFactory _messages = new();
    private readonly IopubPublisher _iopub;
    private readonly StdinReader _stdin;
    private readonly ExecuteRequestHandler _execution;
    private readonly ShellHandler _shell;
    private readonly ControlHandler _control;
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _shuttingDown;

    public JupyterKernel(ConnectionFile connection)
    {
        var directory = Environment.CurrentDirectory;
        // VS Code and jupyter_server tell the kernel which notebook it serves; tracebacks then name it.
        var notebook = Environment.GetEnvironmentVariable("JPY_SESSION_NAME");
        _session = new CSharpSession(directory, string.IsNullOrEmpty(notebook) ? "notebook" : Path.GetFileName(notebook));
        var codec = new WireCodec(new MessageSigner(connection.Key));
        if (connection.Key.Length == 0) KernelLog.Warn("the connection file has no key: messages are not signed");
        _channels = new KernelChannels(connection, codec);
        _heartbeat = new Heartbeat(connection.Endpoint(connection.HeartbeatPort));
        _iopub = new IopubPublisher(_channels, _messages);
        _stdin = new StdinReader(_channels, _messages);
        _execution = new ExecuteRequestHandler(_session, _iopub, _channels, _messages, _stdin);
        _shell = new ShellHandler(_channels, _messages, _iopub, _execution, new CompletionProvider(_session), new InspectionProvider(_session), Shutdown);
        _control = new ControlHandler(_channels, _messages, _iopub, _execution, Shutdown);
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
        _iopub.Status(null, "starting");
        var shell = _shell.RunAsync(stopping.Token);

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
        switch (channel)
        {
            case ChannelName.Shell:
                _shell.Enqueue(message);
                break;
            case ChannelName.Control:
                _control.Handle(message);
                break;
            case ChannelName.Stdin when message.Type == "input_reply":
                _stdin.OnInputReply(message);
                break;
            default:
                KernelLog.Warn($"unexpected {message.Type} on {channel}; ignored");
                break;
        }
    }

    private void Shutdown(JupyterMessage? request, ChannelName channel)
    {
        if (Interlocked.Exchange(ref _shuttingDown, 1) == 1) return;
        if (request is not null)
        {
            var restart = request.Content["restart"] is JsonValue value && value.TryGetValue<bool>(out var r) && r;
            KernelLog.Info(restart ? "shutdown requested (the front restarts the kernel)" : "shutdown requested");
            _iopub.Status(request, "busy");
            _channels.Send(channel, _messages.Reply(request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart }));
            _iopub.Status(request, "idle");
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
