using System.Text.Json.Nodes;
using MnistCourse.Kernel.Channels;
using MnistCourse.Kernel.Messaging;

namespace MnistCourse.Kernel.Execution;

/// <summary>
/// Console.In for cells: <c>Console.ReadLine()</c> sends an input_request on the stdin channel to the front that sent
/// the running execute_request, and waits for its input_reply. When that request did not allow stdin (nbclient, a
/// headless run) it reads end of input (null), as the headless runner does. An interrupt ends the wait.
/// </summary>
public sealed class StdinReader(KernelChannels channels, MessageFactory messages) : TextReader
{
    private readonly object _gate = new();
    private JupyterMessage? _request;
    private bool _allowed;
    private CancellationToken _cancellation;
    private Action? _beforePrompt;
    private TaskCompletionSource<string>? _waiting;
    private string _buffer = "";

    /// <summary>Binds the reader to the execute_request now running.</summary>
    public void BeginCell(JupyterMessage request, bool allowStdin, CancellationToken cancellation, Action beforePrompt)
    {
        lock (_gate)
        {
            _request = request;
            _allowed = allowStdin;
            _cancellation = cancellation;
            _beforePrompt = beforePrompt;
            _buffer = "";
        }
    }

    public void EndCell()
    {
        lock (_gate)
        {
            _request = null;
            _allowed = false;
            _buffer = "";
            _waiting?.TrySetCanceled();
        }
    }

    /// <summary>An input_reply arrived on the stdin channel (poller thread).</summary>
    public void OnInputReply(JupyterMessage reply)
    {
        TaskCompletionSource<string>? waiting;
        lock (_gate) waiting = _waiting;
        waiting?.TrySetResult((string?)reply.Content["value"] ?? "");
    }

    public override string? ReadLine()
    {
        lock (_gate)
        {
            if (_buffer.Length > 0)
            {
                var newline = _buffer.IndexOf('\n');
                var line = newline < 0 ? _buffer : _buffer[..newline];
                _buffer = newline < 0 ? "" : _buffer[(newline + 1)..];
                return line;
            }
        }
        return Request();
    }

    public override int Read()
    {
        if (!Fill()) return -1;
        lock (_gate)
        {
            var c = _buffer[0];
            _buffer = _buffer[1..];
            return c;
        }
    }

    public override int Peek()
    {
        lock (_gate) return _buffer.Length > 0 ? _buffer[0] : -1; // Peek must not block for input
    }

    private bool Fill()
    {
        lock (_gate)
            if (_buffer.Length > 0) return true;
        var line = Request();
        if (line is null) return false;
        lock (_gate) _buffer = line + "\n";
        return true;
    }

    /// <summary>Asks the front for one line; null when stdin is not allowed (end of input).</summary>
    private string? Request()
    {
        JupyterMessage request;
        TaskCompletionSource<string> waiting;
        CancellationToken cancellation;
        Action? beforePrompt;
        lock (_gate)
        {
            if (_request is null || !_allowed) return null;
            request = _request;
            cancellation = _cancellation;
            beforePrompt = _beforePrompt;
            _waiting = waiting = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        beforePrompt?.Invoke(); // the prompt the cell printed goes out before the input box appears
        channels.Send(ChannelName.Stdin, messages.Reply(request, "input_request", new JsonObject { ["prompt"] = "", ["password"] = false }));
        try
        {
            waiting.Task.Wait(cancellation);
            return waiting.Task.Result;
        }
        catch (AggregateException e) when (e.InnerException is TaskCanceledException)
        {
            throw new OperationCanceledException("the cell ended while waiting for input");
        }
        finally
        {
            lock (_gate)
                if (_waiting == waiting) _waiting = null;
        }
    }
}
