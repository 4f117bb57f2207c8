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

    /// <summary>The command that regenerates the file, named in its header.</summary>
    public string ExportCommand { get; init; } = "./course export";

    /// <summary>
    /// Restore the notebook's packages (through the engine's <c>NuGetRestorer</c>) so that Roslyn knows their types when it
    /// decides whether a redeclared variable keeps its type. Without them every redeclaration is renamed, which is always correct.
    /// </summary>
    public bool ResolvePackages { get; init; } = true;

    /// <summary>Where the restores are cached. Default: the engine's (the temp folder's "mnistcourse-nuget").</summary>
    public string? RestoreCacheDirectory { get; init; }
}
