namespace MnistCourse.Notebooks.Engine.Packages;

/// <summary>The outcome of restoring a package set: the packages of the whole graph, or an error message naming what failed.</summary>
public sealed record RestoreResult(IReadOnlyList<RestoredPackage> Packages, string? Error)
{
    public bool Succeeded => Error is null;
}
