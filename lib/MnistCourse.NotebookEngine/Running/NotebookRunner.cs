using System.Diagnostics;
using MnistCourse.NotebookEngine.Execution;
using MnistCourse.NotebookEngine.Execution.Errors;
using MnistCourse.NotebookFormat;

namespace MnistCourse.NotebookEngine.Running;

/// <summary>
/// Executes a whole notebook top to bottom in one <see cref="CSharpSession"/>, the way a person would with
/// "Run All", and writes the executed copy. No lost work: the copy is written (atomically) before the first cell,
/// after every cell, every few seconds while a cell prints, and when a cell fails or times out — the failing cell
/// holds the error and later cells stay unexecuted.
/// </summary>
public sealed class NotebookRunner(NotebookRunOptions? options = null)
{
    private readonly NotebookRunOptions _options = options ?? new NotebookRunOptions();

    /// <summary>Runs <paramref name="notebook"/> (already parameter-injected; relative <c>#r</c> paths resolve against
    /// <paramref name="notebookDirectory"/>) and writes the executed copy to <paramref name="outputPath"/>.</summary>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string notebookDirectory, string outputPath, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var label = Path.GetFileName(notebook.SourceName);
        foreach (var cell in notebook.Cells) cell.ClearOutputs();
        var recorder = new NotebookRecorder(notebook, _options.EchoConsole);
        void Save() => AtomicFile.WriteAllText(outputPath, recorder.Snapshot());
        Save();

        using var session = new CSharpSession(notebookDirectory, label);

        var total = notebook.Cells.Count;
        var executionCount = 0;
        for (var index = 0; index < total; index++)
        {
            var cell = notebook.Cells[index];
            if (cell.Type != CellType.Code) continue;
            var language = CellLanguage.Resolve(notebook, cell);
            if (language == CellLanguage.Markdown) continue;
            var source = cell.Source;
            if (string.IsNullOrWhiteSpace(source)) continue;

            var cellName = $"cell {index + 1}";
            cell.ExecutionCount = ++executionCount;
            Progress($"[{label}] {cellName}/{total}: {Summary(source)}");

            var observer = recorder.For(cell);
            ExecutionError? error;
            var status = NotebookRunStatus.CellFailed;
            if (language != CellLanguage.CSharp)
            {
                error = ErrorReport.UnsupportedLanguage(cellName, language);
                observer.OnError(error);
            }
            else
            {
                var execution = session.ExecuteAsync(source, cellName, observer, cancellationToken);
                var deadline = Stopwatch.StartNew();
                while (!execution.IsCompleted)
                {
                    var left = _options.CellTimeout - deadline.Elapsed;
                    if (left <= TimeSpan.Zero) break;
                    await Task.WhenAny(execution, Task.Delay(left < _options.SaveInterval ? left : _options.SaveInterval, cancellationToken));
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!execution.IsCompleted && recorder.Dirty) Save();
                }
                if (execution.IsCompleted) error = (await execution).Error;
                else
                {
                    var message = $"{cellName} timed out after {_options.CellTimeout.TotalSeconds:0.###} s";
                    error = new ExecutionError("CellTimeoutError", message, [$"CellTimeoutError: {message} (raise it with --cell-timeout SECONDS)"]);
                    observer.OnError(error);
                    status = NotebookRunStatus.TimedOut;
                }
            }
            Save();
            if (error is null) continue;
            Progress($"[{label}] {cellName} failed: {error}");
            return new NotebookRunResult(status, index + 1, error);
        }

        Progress($"[{label}] done: {executionCount} cells in {clock.Elapsed.TotalSeconds:F1} s");
        return new NotebookRunResult(NotebookRunStatus.Succeeded, null, null);
    }

    private void Progress(string line)
    {
        if (_options.Progress is not { } progress) return;
        lock (progress) progress.WriteLine(line);
        progress.Flush();
    }

    /// <summary>The first line of code, for the progress line.</summary>
    private static string Summary(string source)
    {
        var line = source.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith("#!", StringComparison.Ordinal)) ?? "";
        return line.Length > 60 ? line[..57] + "..." : line;
    }
}

/// <summary>How <see cref="NotebookRunner"/> runs a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>How long one cell may run. User code cannot be aborted in .NET, so a timeout ends the run.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>Where progress lines go (one per cell); null for none.</summary>
    public TextWriter? Progress { get; init; }

    /// <summary>Echo the cells' console output to the real terminal while they run (so a learner sees training epochs).</summary>
    public bool EchoConsole { get; init; } = true;

    /// <summary>While a cell runs, how often new output is written to the file (so a killed run keeps it).</summary>
    public TimeSpan SaveInterval { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>How a whole run ended.</summary>
public enum NotebookRunStatus
{
    /// <summary>Every code cell ran without error.</summary>
    Succeeded,

    /// <summary>A cell failed; it holds the error and later cells were not run.</summary>
    CellFailed,

    /// <summary>A cell ran past the timeout; it holds a timeout error. Its code may still be running in this process.</summary>
    TimedOut,
}

/// <summary>The outcome of <see cref="NotebookRunner.RunAsync"/>; <see cref="FailedCell"/> is 1-based among all cells.</summary>
public sealed record NotebookRunResult(NotebookRunStatus Status, int? FailedCell, ExecutionError? Error);
