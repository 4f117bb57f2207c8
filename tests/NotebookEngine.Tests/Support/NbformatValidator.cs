namespace MnistCourse.NotebookEngine.Tests.Support;

/// <summary>
/// Validates a notebook against the nbformat 4 JSON schema with Jupyter's own nbformat package (Debian: python3-nbformat).
/// Fails (never skips) when it is not installed, so a CI machine without it is noticed.
/// </summary>
public static class NbformatValidator
{
    private static readonly Lazy<string?> Python = new(FindPython);

    public static void AssertValid(string path)
    {
        var python = Python.Value;
        if (python is null)
            Assert.Fail("python3-nbformat is not installed, so the written notebook cannot be validated: run `./course setup --for-tests` (or: sudo apt-get install -y python3-nbformat)");
        var validation = Run(python, "-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path);
        Assert.True(validation.ExitCode == 0, $"{path} is not a valid nbformat 4 notebook:\n{validation.Stdout}{validation.Stderr}");
    }

    private static string? FindPython()
    {
        // Debian's package installs into the system python; a python3 first on PATH (pyenv) may not see it.
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                if (Run(candidate, "-c", "import nbformat").ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
            }
        }
        return null;
    }

    private static ProcessRun.Result Run(string python, params string[] args) => ProcessRun.Run(python, args, TimeSpan.FromMinutes(2));
}
