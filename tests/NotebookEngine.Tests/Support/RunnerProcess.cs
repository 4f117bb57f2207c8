using MnistCourse.NotebookEngine.Execution.Packages;

namespace MnistCourse.NotebookEngine.Tests.Support;

/// <summary>Runs the real runner exe (`dotnet MnistCourse.Runner.dll ...`) from the test's build output.</summary>
public static class RunnerProcess
{
    public static string RunnerDll => RepoPaths.InTestOutput("MnistCourse.Runner.dll");

    public static ProcessRun.Result Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, TimeSpan.FromMinutes(3), null, args);

    public static ProcessRun.Result Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        ProcessRun.Run(DotnetHost.Find(), [RunnerDll, .. args], timeout, environment, workingDirectory);
}
