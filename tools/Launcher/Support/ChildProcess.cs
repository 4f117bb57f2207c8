using System.ComponentModel;
using System.Diagnostics;

namespace MnistCourse.Launcher.Support;

/// <summary>Runs other programs: with their output passed straight through, so a learner sees progress live, or captured.</summary>
internal static class ChildProcess
{
    public static int Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        try
        {
            using var process = Process.Start(StartInfo(fileName, arguments, environment))!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (Win32Exception e)
        {
            Console.Error.WriteLine($"course: cannot start {fileName}: {e.Message}");
            return 127;
        }
    }

    /// <summary>Runs a program and returns its exit code and its output, standard error after standard output (for checks such as `npm --version`).</summary>
    public static (int exitCode, string output) Capture(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = StartInfo(fileName, arguments, environment);
        psi.RedirectStandardOutput = psi.RedirectStandardError = true;
        try
        {
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, (stdout.Result + stderr.Result).Trim());
        }
        catch (Win32Exception e)
        {
            return (127, e.Message);
        }
    }

    /// <summary>A program started in the course folder, with these environment variables added to the launcher's.</summary>
    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName, arguments) { WorkingDirectory = Repo.Root, UseShellExecute = false };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) psi.Environment[name] = value;
        return psi;
    }
}
