namespace MnistCourse.Notebooks.Running;

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
