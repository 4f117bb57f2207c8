namespace MnistCourse.Notebooks.Engine;

/// <summary>A <c>#r "nuget: Id, Version"</c> request; a null version means the newest stable one.</summary>
public sealed record PackageRequest(string Id, string? Version)
{
    public override string ToString() => Version is null ? Id : $"{Id} {Version}";
}
