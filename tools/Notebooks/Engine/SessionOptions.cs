namespace MnistCourse.Notebooks.Engine;

/// <summary>Settings of one <see cref="CSharpSession"/>.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// The notebook's folder: relative <c>#r "x.dll"</c> paths and <c>#i</c> folder sources resolve against it.
    /// Defaults to the current directory.
    /// </summary>
    public string BaseDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>The notebook's file name (without folder), used to name cells in stack traces. Optional.</summary>
    public string DocumentName { get; init; } = "notebook";

    /// <summary>Where NuGet restores are cached (one folder per package set). Default: the temp folder's "mnistcourse-nuget".</summary>
    public string? RestoreCacheDirectory { get; init; }

    /// <summary>The dotnet executable used for <c>dotnet restore</c>. Default: the running dotnet host, else "dotnet" on PATH.</summary>
    public string? DotnetPath { get; init; }

    /// <summary>Namespaces (or types, for static imports) imported in every cell besides the defaults.</summary>
    public IReadOnlyList<string> AdditionalImports { get; init; } = [];
}
