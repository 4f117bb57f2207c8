namespace MnistCourse.Kernel.Tests.Support;

/// <summary>
/// Jupyter's own Python client, from Debian's python3-jupyter-client and python3-nbclient. Always Debian's
/// /usr/bin/python3 (a pyenv python on PATH would not have them). Missing packages fail the test with the fix; they
/// are never skipped silently.
/// </summary>
public static class JupyterClient
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>Fails the test when the client cannot run here.</summary>
    public static void EnsureAvailable()
    {
        if (Missing.Value is { } problem) Assert.Fail(problem);
    }

    /// <summary>Runs a script of Scripts/ with Jupyter's folders pointed at <paramref name="jupyter"/>'s.</summary>
    public static ProcessRun.Result RunScript(string script, IEnumerable<string> arguments, JupyterHome jupyter, TimeSpan timeout,
                                              IReadOnlyDictionary<string, string?>? environment = null)
    {
        EnsureAvailable();
        var variables = new Dictionary<string, string?>(jupyter.Environment)
        {
            ["PYTHONPATH"] = null, // Debian's python with its own packages only
            ["PYTHONHOME"] = null,
            ["PYTHONWARNINGS"] = "ignore::DeprecationWarning",
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>()) variables[name] = value;
        return ProcessRun.Run(Python, [KernelPaths.Script(script), .. arguments], timeout, variables);
    }

    private static string? FindMissing()
    {
        const string fix = "install Jupyter's client: sudo apt-get install python3-jupyter-client python3-nbclient (./course setup --for-tests does)";
        if (!File.Exists(Python)) return $"{Python} is missing; {fix}";
        var check = ProcessRun.Run(Python, ["-c", "import jupyter_client, nbclient, nbformat, zmq"], TimeSpan.FromSeconds(60),
            new Dictionary<string, string?> { ["PYTHONPATH"] = null, ["PYTHONHOME"] = null });
        return check.ExitCode == 0 ? null : $"Jupyter's Python client is not importable ({check.Stderr.Trim()}); {fix}";
    }
}
