using Xunit;
using System.Diagnostics;

namespace MnistCourse.TestSupport;

/// <summary>
/// Runs a program to the end with a time limit and its stdin closed, capturing its output. On timeout the process and
/// its children are killed and the test fails with the output so far.
/// </summary>
public static class ProcessRun
{
    /// <summary>The test host runs under MSBuild's environment; these would point a child's build (`dotnet run`) at the wrong SDK pieces.</summary>
    private static readonly string[] MSBuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly", "MSBUILDNOINPROCNODE"];

    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
    {
        public string Both => $"--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

        public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0} s\n{Both}";
    }

    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    /// <param name="workingDirectory">The repository's root when not given.</param>
    public static Result Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
                             IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in MSBuildVariables) start.Environment.Remove(name);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            // A grandchild that left the tree may hold the pipes open: wait for the output a little, not forever.
            Task.WaitAll([stdout, stderr], TimeSpan.FromSeconds(10));
            Assert.Fail($"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s\n" +
                        $"--- stdout\n{SoFar(stdout)}\n--- stderr\n{SoFar(stderr)}");
        }
        process.WaitForExit(); // the exit code is set and the output streams are at their end
        return new Result(process.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }

    private static string SoFar(Task<string> output) => output.IsCompletedSuccessfully ? output.Result : "(still open: a child process holds it)";
}
