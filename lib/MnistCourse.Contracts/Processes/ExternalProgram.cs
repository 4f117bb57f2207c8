using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace MnistCourse.Contracts;

/// <summary>
/// The one way the course starts a program (the runner, dotnet restore, npm, the tests' children): arguments passed
/// as a list (no shell quoting), environment edits, an optional time limit, output captured and streamed line by line
/// (or passed straight to this console), and the whole process tree ended on a time-out, a cancellation, or a SIGTERM
/// or SIGHUP to this process. (Ctrl+C reaches the children by itself: they share the terminal's process group.)
/// </summary>
/// <example><c>var result = new ExternalProgram("npm", ["--version"]) { TimeLimit = TimeSpan.FromSeconds(30) }.Run();</c></example>
public sealed record ExternalProgram(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// Set by MSBuild and `dotnet test` in their children; they would point a child's own build or restore at the
    /// parent's SDK pieces and break it. <see cref="WithoutMSBuildEnvironment"/> removes them.
    /// </summary>
    public static readonly IReadOnlyList<string> MSBuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE"];

    /// <summary>The child's folder; this process's current folder when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>False: the child starts from an empty environment (a learner's notebook must not see the grader's tokens).</summary>
    public bool InheritEnvironment { get; init; } = true;

    /// <summary>Variables to set in the child's environment (inherited from this process); a null value removes one.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>After this long the process tree is ended and the result says <see cref="ExternalProgramResult.TimedOut"/>.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>True (the default): output captured and stdin closed. False: the child uses this console, so a learner sees progress (and colours) live.</summary>
    public bool Captured { get; init; } = true;

    /// <summary>Each line of standard output as it arrives (captured mode).</summary>
    public Action<string>? OnOutputLine { get; init; }

    /// <summary>Each line of standard error as it arrives (captured mode).</summary>
    public Action<string>? OnErrorLine { get; init; }

    /// <summary>The same program with <see cref="MSBuildVariables"/> removed from its environment (edits already made are kept).</summary>
    public ExternalProgram WithoutMSBuildEnvironment() => this with
    {
        Environment = MSBuildVariables.Select(name => KeyValuePair.Create(name, (string?)null))
            .Concat(Environment.Where(e => !MSBuildVariables.Contains(e.Key))).ToDictionary(),
    };

    /// <summary>How long the output may still flow after the process ended (a grandchild that left the tree may hold the pipes open).</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Runs the program to its end. A program that cannot be started throws <see cref="System.ComponentModel.Win32Exception"/>;
    /// a cancellation ends the process tree and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<ExternalProgramResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(FileName)
        {
            UseShellExecute = false,
            WorkingDirectory = WorkingDirectory ?? "",
            RedirectStandardInput = Captured,
            RedirectStandardOutput = Captured,
            RedirectStandardError = Captured,
        };
        foreach (var argument in Arguments) start.ArgumentList.Add(argument);
        if (!InheritEnvironment) start.Environment.Clear();
        foreach (var (name, value) in Environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var output = new Capture(OnOutputLine);
        var error = new Capture(OnErrorLine);
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var exited = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.Exited += (_, _) => exited.TrySetResult();
        process.OutputDataReceived += (_, e) => output.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => error.Receive(e.Data);

        var clock = Stopwatch.StartNew();
        process.Start();
        LiveTrees.Add(process);
        try
        {
            if (Captured)
            {
                process.StandardInput.Close();
                process.BeginOutputReadLine();
                process.BeginErrorReadLine();
            }
            var timedOut = false;
            using var limit = new CancellationTokenSource(TimeLimit ?? Timeout.InfiniteTimeSpan);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
            try
            {
                await exited.Task.WaitAsync(either.Token);
            }
            catch (OperationCanceledException)
            {
                LiveTrees.End(process);
                await exited.Task.WaitAsync(OutputGrace).ContinueWith(_ => { }, TaskScheduler.Default);
                cancellationToken.ThrowIfCancellationRequested();
                timedOut = true;
            }
            if (Captured)
                await Task.WhenAll(output.Ended, error.Ended).WaitAsync(OutputGrace).ContinueWith(_ => { }, TaskScheduler.Default);
            return new ExternalProgramResult(process.HasExited ? process.ExitCode : -1, output.Text, error.Text, clock.Elapsed, timedOut);
        }
        finally
        {
            LiveTrees.Remove(process);
            output.Close();
            error.Close();
        }
    }

    /// <summary>The synchronous <see cref="RunAsync"/>.</summary>
    public ExternalProgramResult Run(CancellationToken cancellationToken = default) => RunAsync(cancellationToken).GetAwaiter().GetResult();

    /// <summary>One output stream: the lines so far, each also handed to the caller as it arrives.</summary>
    private sealed class Capture(Action<string>? onLine)
    {
        private readonly StringBuilder _text = new();
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Ended => _ended.Task;

        public string Text
        {
            get { lock (_text) return _text.ToString(); }
        }

        private bool _closed;

        public void Receive(string? line)
        {
            if (line is null)
            {
                _ended.TrySetResult();
                return;
            }
            lock (_text)
            {
                if (_closed) return; // a straggler after the run was reported: the caller has moved on
                _text.Append(line).Append('\n');
                onLine?.Invoke(line);
            }
        }

        /// <summary>No more lines are recorded or handed on.</summary>
        public void Close()
        {
            lock (_text) _closed = true;
        }
    }

    /// <summary>The children running now, ended with their trees when this process is told to stop (SIGTERM, SIGHUP).</summary>
    private static class LiveTrees
    {
        private static readonly ConcurrentDictionary<Process, bool> Running = new();
        private static readonly Lazy<IReadOnlyList<PosixSignalRegistration>> Handlers = new(() => OperatingSystem.IsWindows()
            ? []
            : [PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => EndAll()), PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => EndAll())]);

        public static void Add(Process process)
        {
            _ = Handlers.Value;
            Running.TryAdd(process, true);
        }

        public static void Remove(Process process) => Running.TryRemove(process, out _);

        public static void End(Process process)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { } // it has just exited
            catch (System.ComponentModel.Win32Exception) { } // not ours to end any more
        }

        private static void EndAll()
        {
            foreach (var process in Running.Keys) End(process);
        }
    }
}

/// <summary>How a program ended: its exit code (-1 when it had to be ended and did not exit), its output, how long it ran.</summary>
public sealed record ExternalProgramResult(int ExitCode, string Output, string Error, TimeSpan Elapsed, bool TimedOut)
{
    /// <summary>Both streams, labelled (for test failures and logs).</summary>
    public string Both => $"--- stdout\n{Output}\n--- stderr\n{Error}";

    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0} s{(TimedOut ? " (time limit reached)" : "")}\n{Both}";
}
