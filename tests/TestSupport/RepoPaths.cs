using Xunit;
namespace MnistCourse.TestSupport;

/// <summary>Where the repository and the built programs are, seen from the test's output folder.</summary>
public static class RepoPaths
{
    private const string BuildFirst = "build the solution first (./course test does)";

    /// <summary>The folder with MnistCourse.sln above the test's output.</summary>
    public static string Root { get; } = FindRoot();

    public static string Notebooks => Path.Combine(Root, "notebooks");

    /// <summary>notebooks/&lt;lesson&gt;.ipynb, e.g. for "01-convolution-by-hand".</summary>
    public static string Lesson(string lesson) => Path.Combine(Notebooks, lesson + ".ipynb");

    /// <summary>lib/bin/MnistCourse.dll, the course library every lesson loads.</summary>
    public static string LibraryDll => CoursePaths.LibraryDll(Root);

    /// <summary>Fails the test with the fix when the course library is not built (a lesson would fail at its first cell).</summary>
    public static void AssertLibraryBuilt() => Assert.True(File.Exists(LibraryDll), $"lib/bin/MnistCourse.dll is missing: {BuildFirst}.");

    /// <summary>A tool's program as the solution build leaves it: tools/&lt;project&gt;/bin/{Release,Debug}/net10.0/&lt;dll&gt;.</summary>
    public static string BuiltTool(string project, string dll)
    {
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var path = Path.Combine(Path.GetDirectoryName(CoursePaths.ToolDll(Root, project, configuration))!, dll);
            if (File.Exists(path)) return path;
        }
        Assert.Fail($"{dll} is not built (under tools/{project}/bin): {BuildFirst}.");
        return "";
    }

    /// <summary>The launcher behind ./course.</summary>
    public static string LauncherDll => BuiltTool("Launcher", "MnistCourse.Launcher.dll");

    /// <summary>A file the build copies into the test's own output (a referenced project's dll, a script).</summary>
    public static string InTestOutput(string relativePath)
    {
        var path = Path.Combine(AppContext.BaseDirectory, relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is missing from the test's output ({path}): {BuildFirst}.");
        return path;
    }

    private static string FindRoot() => CoursePaths.FindRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"repository root (the folder with {CoursePaths.SolutionFile}) not found above {AppContext.BaseDirectory}");
}
