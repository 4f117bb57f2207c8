using System.Text.Json.Nodes;
using MnistCourse.Kernel.Channels;
using MnistCourse.Kernel.Hosting;
using MnistCourse.Kernel.Messaging;
using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel.Execution;

/// <summary>
/// execute_request: runs the code as the next cell of the one <see cref="CSharpSession"/> (the engine the headless
/// runner uses), publishes execute_input and the outputs on IOPub, and replies with the status and execution count.
/// <see cref="Interrupt"/> cancels the running cell (cooperatively: see CellInterruption in the engine).
/// </summary>
public sealed class ExecuteRequestHandler(CSharpSession session, KernelChannels channels, StdinReader stdin)
{
    internal const string InterruptNote =
        "Interrupt requested: this cell stops at its next loop iteration or training batch. Code that only waits " +
        "(Thread.Sleep, a blocking call) cannot be interrupted; restart the kernel to stop it.\n";

    private static readonly TimeSpan InterruptNoteDelay = TimeSpan.FromSeconds(3);

    private int _executionCount;
    private RunningCell? _running;

    /// <summary>Handles one execute_request; returns whether the cell succeeded (the shell aborts queued cells otherwise).</summary>
    public async Task<bool> HandleAsync(JupyterMessage request)
    {
        var code = request.Text("code");
        var silent = request.Flag("silent", false);
        if (request.Flag("store_history", !silent) && !silent) _executionCount++;
        var count = _executionCount;
        if (!silent) channels.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count });

        using var cancellation = new CancellationTokenSource();
        var observer = new IopubCellObserver(channels, request, count, silent);
        var cell = new RunningCell(cancellation, observer);
        Interlocked.Exchange(ref _running, cell);
        stdin.BeginCell(request, request.Flag("allow_stdin", false), cancellation.Token, observer.Flush);
        CellOutcome outcome;
        try
        {
            outcome = ShowMarkdown(code, observer) ?? await session.ExecuteAsync(code, $"In[{count}]", observer, cancellation.Token);
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
            stdin.EndCell();
            Interlocked.CompareExchange(ref _running, null, cell);
            cell.Ended = true;
            observer.Dispose();
        }

        var reply = outcome.Error?.ToJson() ?? new JsonObject { ["user_expressions"] = new JsonObject(), ["payload"] = new JsonArray() };
        reply["status"] = outcome.Succeeded ? "ok" : "error";
        reply["execution_count"] = count;
        if (!outcome.Succeeded && cancellation.IsCancellationRequested) KernelLog.Info($"In[{count}] interrupted");
        channels.Reply(ChannelName.Shell, request, "execute_reply", reply);
        return outcome.Succeeded;
    }

    /// <summary>Interrupts the running cell, if any (control thread or SIGINT). Returns whether a cell was running.</summary>
    public bool Interrupt()
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
}
