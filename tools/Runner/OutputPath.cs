namespace MnistCourse.Runner;

/// <summary>
/// Where an executed notebook goes by default: under the repo's artifacts/ folder (never committed), mirroring the
/// notebook's path inside the repo so notebooks with the same name in different folders do not collide.
/// The repo root is the nearest folder above the notebook holding MnistCourse.sln.
/// </summary>
internal static class OutputPath
{
    public const string SolutionFile = "MnistCourse.sln";

    public static string Default(string notebookPath)
    {
        var full = Path.GetFullPath(notebookPath);
        var folder = Path.GetDirectoryName(full)!;
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                return Path.Combine(dir.FullName, "artifacts", Path.GetRelativePath(dir.FullName, full));
        }
        return Path.Combine(folder, "artifacts", Path.GetFileName(full));
    }
}
