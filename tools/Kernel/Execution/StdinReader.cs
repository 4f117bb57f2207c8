using System.Text.Json.Nodes;
using MnistCourse.Kernel.Channels;
using MnistCourse.Kernel.Connection;
using MnistCourse.Kernel.Messaging;

namespace MnistCourse.Kernel.Execution;

/// <summary>
/// Console.In for cells: <c>Console.ReadLine()</c> sends an input_request on the stdin channel to the front that sent
/// the running execute_request, and waits for its input_reply. When that request did not allow stdin (nbclient, a
/// headless run) it reads end of input (null), as the headless runner does. An interrupt ends the wait.
/// </summary>
public sealed class StdinReader(KernelChannels channels) : TextReader
{
    private readonly object _gate = new();
    private Prompter? _prompter;
    private TaskCompletionSource<string>? _waiting;
    private StringReader? _line;

    private sealed record Prompter(JupyterMessage Request, CancellationToken Cancellation, Action BeforePrompt);

    public void BeginCell(JupyterMessage request, bool allowStdin, CancellationToken cancellation, Action beforePrompt)
    {
        lock (_gate)
        {
            _prompter = allowStdin ? new Prompter(request, cancellation, beforePrompt) : null;
            _line = null;
        }
    }

    public void EndCell()
    {
        lock (_gate)
        {
            _prompter = null;
            _line = null;
            _waiting?.TrySetCanceled();
        }
    }

    /// <summary>An input_reply arrived on the stdin channel (poller thread).</summary>
    public void OnInputReply(JupyterMessage reply)
    {
        lock (_gate) _waiting?.TrySetResult(reply.Text("value"));
    }

    /// <summary>One character of the line asked for (TextReader's ReadLine reads through this).</summary>
    public override int Read()
    {
        // Ask the front for a line only when none is buffered; never while holding the lock (the reply needs it).
        if (Peek() < 0 && Request() is { } line) lock (_gate) _line = new StringReader(line + "\n");
        lock (_gate) return _line?.Read() ?? -1;
    }

    public override int Peek()
    {
        lock (_gate) return _line?.Peek() ?? -1; // Peek must not block for input
    }

    /// <summary>Asks the front for one line; null when stdin is not allowed (end of input).</summary>
    private string? Request()
    {
        Prompter prompter;
        TaskCompletionSource<string> waiting;
        lock (_gate)
        {
            if (_prompter is null) return null;
            prompter = _prompter;
            _waiting = waiting = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        prompter.BeforePrompt(); // the prompt the cell printed goes out before the input box appears
        channels.Reply(ChannelName.Stdin, prompter.Request, "input_request", new JsonObject { ["prompt"] = "", ["password"] = false });
        try
        {
            waiting.Task.Wait(prompter.Cancellation);
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
