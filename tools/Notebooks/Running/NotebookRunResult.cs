using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Notebooks.Running;

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
