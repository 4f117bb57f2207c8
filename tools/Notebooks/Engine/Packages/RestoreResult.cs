namespace MnistCourse.Notebooks.Engine.Packages;

/// <summary>The outcome of restoring a package set: the packages of the whole graph, or an error message naming what failed.</summary>
public sealed record RestoreResult(IReadOnlyList<RestoredPackage> Packages, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// One package of a restored graph with full paths to its assets for this platform: what to compile against,
/// what to load at run time, and which native libraries it ships.
/// </summary>
public sealed record RestoredPackage(
    string Id,
    string Version,
    IReadOnlyList<string> CompileAssemblies,
    IReadOnlyList<string> RuntimeAssemblies,
    IReadOnlyList<string> NativeLibraries);
