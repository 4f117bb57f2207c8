using System.Diagnostics;
using MnistCourse.Notebooks.Engine.Packages;

namespace MnistCourse.Export.Tests.Support;

/// <summary>Runs an exported app the way a learner does: `dotnet run app.cs -- ARGS`.</summary>
public static class AppProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
    {
        public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0} s\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static Result Run(string appPath, string workingDirectory, IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost.Find())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add(appPath);
        start.ArgumentList.Add("--");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // The test host runs under MSBuild's environment; these would point the child build at the wrong SDK pieces.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet run {Path.GetFileName(appPath)} did not finish within {timeout.TotalMinutes:0} minutes");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
