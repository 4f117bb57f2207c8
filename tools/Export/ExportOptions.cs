namespace MnistCourse.Export;

/// <summary>Settings of one export: where the app goes and how its header names things.</summary>
public sealed record ExportOptions
{
    /// <summary>
    /// The .cs file to write. Its folder decides the relative paths inside it (the library DLL, the notebook's folder)
    /// and where the app writes its charts (a folder "&lt;lesson&gt;-output" beside it).
    /// </summary>
    public required string AppPath { get; init; }

    /// <summary>Paths in the generated header are shown relative to this folder (the course folder). Default: the current directory.</summary>
    public string? DisplayRoot { get; init; }
}
