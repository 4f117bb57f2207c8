using System.Diagnostics;

namespace MnistCourse.Notebooks.Tests.Support;

/// <summary>Runs the real runner exe (`dotnet MnistCourse.Runner.dll ...`) from the test's build output.</summary>
public static class RunnerProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string RunnerDll
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "MnistCourse.Runner.dll");
            Assert.True(File.Exists(path), $"the runner is missing from the test output: {path}");
            return path;
        }
    }

    public static Result Run(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Notebooks.Engine.Packages.DotnetHost.Find())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(RunnerDll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the runner did not finish within 3 minutes: {string.Join(' ', args)}");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
