namespace MnistCourse.Launcher.Provisioning;

/// <summary>
/// A program or Python module from the system's package manager that a course command needs: how to tell it is
/// there, what needs it, and the Debian/Ubuntu packages that add it.
/// </summary>
internal sealed record SystemTool(string Name, string NeededFor, IReadOnlyList<string> DebianPackages, Func<bool> IsPresent)
{
    public static SystemTool Program(string program, string neededFor, params string[] packages) =>
        new(program, neededFor, packages, () => Path.IsPathRooted(program) ? File.Exists(program) : OnPath(program));

    /// <summary>Python modules importable by the system's Python, /usr/bin/python3 (where Debian's python3-* packages install).</summary>
    public static SystemTool PythonModules(string modules, string neededFor, params string[] packages) =>
        new($"Python's {modules}", neededFor, packages, () => Support.ChildProcess.Capture(SystemPython, ["-c", $"import {modules}"]).exitCode == 0);

    public const string SystemPython = "/usr/bin/python3";

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
