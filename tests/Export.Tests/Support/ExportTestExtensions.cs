using MnistCourse.NotebookEngine.Execution.Packages;
using MnistCourse.NotebookFormat;

namespace MnistCourse.Export.Tests.Support;

/// <summary>Exporting a test notebook, and running an exported app the way a learner does.</summary>
public static class ExportTestExtensions
{
    /// <summary>Writes the notebook as <paramref name="path"/> and exports it to <paramref name="appPath"/>.</summary>
    public static async Task<ExportedApp> ExportAsync(this NotebookBuilder notebook, string path, string appPath)
    {
        notebook.WriteTo(path);
        return await LessonExporter.ExportAsync(path, appPath, Path.GetDirectoryName(path));
    }

    /// <summary>`dotnet run app.cs -- ARGS` in <paramref name="workingDirectory"/>.</summary>
    public static ProcessRun.Result DotnetRun(this ExportedApp app, string workingDirectory, IEnumerable<string> args, TimeSpan timeout,
                                              IReadOnlyDictionary<string, string?>? environment = null)
    {
        var variables = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) variables[name] = value;
        return ProcessRun.Run(DotnetHost.Find(), ["run", app.AppPath, "--", .. args], timeout, variables, workingDirectory);
    }
}
