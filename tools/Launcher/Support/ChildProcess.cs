using System.Diagnostics;

namespace MnistCourse.Launcher.Support;

/// <summary>Runs another program with its output passed straight through, so a learner sees progress live.</summary>
internal static class ChildProcess
{
    public static int Run(string fileName, IEnumerable<string> arguments, string? workingDirectory = null,
                          IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory ?? Repo.Root, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        try
        {
            using var process = Process.Start(psi)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.Error.WriteLine($"course: cannot start {fileName}: {e.Message}");
            return 127;
        }
    }

    /// <summary>Runs a program and returns its exit code and standard output (for checks such as `npm --version`).</summary>
    public static (int exitCode, string output) Capture(string fileName, params string[] arguments) => Capture(fileName, arguments, null);

    public static (int exitCode, string output) Capture(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var psi = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        try
        {
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (127, e.Message);
        }
    }
}
