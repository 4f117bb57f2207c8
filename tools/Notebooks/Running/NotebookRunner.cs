using System.Diagnostics;
using MnistCourse.Notebooks.Engine;
using MnistCourse.Notebooks.Format;

namespace MnistCourse.Notebooks.Running;

/// <summary>
/// Executes a whole notebook top to bottom in one <see cref="CSharpSession"/>, the way a person would with
/// "Run All", and writes the executed copy. No lost work: the copy is written (atomically) before the first cell,
/// after every cell, every few seconds while a cell prints, and when a cell fails or times out — the failing cell
/// holds the error and later cells stay unexecuted.
/// </summary>
public sealed class NotebookRunner
{
    private readonly NotebookRunOptions _options;

    public NotebookRunner(NotebookRunOptions? options = null) => _options = options ?? new NotebookRunOptions();

    /// <param name="notebook">The notebook to run (already parameter-injected); its outputs are replaced.</param>
    /// <param name="notebookDirectory">The folder relative <c>#r</c> paths resolve against (the source notebook's folder).</param>
    /// <param name="outputPath">Where the executed copy is written.</param>
    public async Task<NotebookRunResult> RunAsync(Notebook notebook, string notebookDirectory, string outputPath, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var label = Path.GetFileName(notebook.SourceName);
        foreach (var cell in notebook.Cells) cell.ClearOutputs();
        var recorder = new NotebookRecorder(notebook, _options.EchoConsole);
        void Save() => AtomicFile.WriteAllText(outputPath, recorder.Snapshot());
        Save();

        using var session = new CSharpSession(new SessionOptions
        {
            BaseDirectory = notebookDirectory,
            DocumentName = label,
            RestoreCacheDirectory = _options.RestoreCacheDirectory,
        });

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

            if (language != CellLanguage.CSharp)
            {
                var error = new ExecutionError("UnsupportedLanguage",
                    $"{cellName} is in language '{language}'; the MnistCourse engine runs C# cells only (markdown cells are skipped)",
                    [$"UnsupportedLanguage: {cellName} is in language '{language}'"]);
                return Finish(recorder.For(cell), error, NotebookRunStatus.CellFailed);
            }

            var observer = recorder.For(cell);
            var execution = session.ExecuteAsync(source, cellName, observer, cancellationToken);
            var deadline = Stopwatch.StartNew();
            while (!execution.IsCompleted)
            {
                var left = _options.CellTimeout - deadline.Elapsed;
                if (left <= TimeSpan.Zero) break;
                var wait = left < _options.SaveInterval ? left : _options.SaveInterval;
                await Task.WhenAny(execution, Task.Delay(wait, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                if (!execution.IsCompleted && recorder.Dirty) Save();
            }

            if (!execution.IsCompleted)
            {
                var seconds = _options.CellTimeout.TotalSeconds;
                var message = $"{cellName} timed out after {seconds:0.###} s";
                var error = new ExecutionError("CellTimeoutError", message,
                    [$"CellTimeoutError: {message} (raise it with --cell-timeout SECONDS)"]);
                return Finish(observer, error, NotebookRunStatus.TimedOut);
            }

            var outcome = await execution;
            Save();
            if (!outcome.Succeeded)
            {
                Progress($"[{label}] {cellName} failed: {outcome.Error}");
                return Result(NotebookRunStatus.CellFailed, index + 1, outcome.Error);
            }

            NotebookRunResult Finish(IExecutionObserver cellObserver, ExecutionError error, NotebookRunStatus status)
            {
                cellObserver.OnError(error);
                Save();
                Progress($"[{label}] {cellName} failed: {error}");
                return Result(status, index + 1, error);
            }
        }

        Progress($"[{label}] done: {executionCount} cells in {clock.Elapsed.TotalSeconds:F1} s");
        return Result(NotebookRunStatus.Succeeded, null, null);

        NotebookRunResult Result(NotebookRunStatus status, int? failedCell, ExecutionError? error) =>
            new(status, executionCount, failedCell, error, clock.Elapsed);
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
