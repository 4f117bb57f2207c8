using System.Diagnostics;

namespace MnistCourse.Kernel.Tests.Support;

/// <summary>Runs a program to the end with a time limit, capturing its output; killed (with its children) on timeout.</summary>
public static class ProcessRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Both => $"--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

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
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s\n--- stdout\n{stdout.Result}\n--- stderr\n{stderr.Result}");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
