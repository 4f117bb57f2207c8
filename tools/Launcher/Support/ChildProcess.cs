using System.ComponentModel;

namespace MnistCourse.Launcher.Support;

/// <summary>
/// The launcher's programs, started in the course folder through the course's one process helper
/// (<see cref="ExternalProgram"/>): with their output passed straight through, so a learner sees progress live, or captured.
/// </summary>
internal static class ChildProcess
{
    public static int Run(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        try
        {
            return (Program(fileName, arguments, environment) with { Captured = false }).Run().ExitCode;
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
        try
        {
            var result = Program(fileName, arguments, environment).Run();
            return (result.ExitCode, (result.Output + result.Error).Trim());
        }
        catch (Win32Exception e)
        {
            return (127, e.Message);
        }
    }

    /// <summary>A program started in the course folder, with these environment variables added to the launcher's.</summary>
    public static ExternalProgram Program(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null) =>
        new(fileName, arguments.ToList())
        {
            WorkingDirectory = Repo.Root,
            Environment = (environment ?? new Dictionary<string, string>()).ToDictionary(e => e.Key, e => (string?)e.Value),
        };
}
