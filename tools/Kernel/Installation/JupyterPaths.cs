namespace MnistCourse.Kernel.Installation;

/// <summary>
/// Where Jupyter looks for a user's kernelspecs, as jupyter_core decides it: JUPYTER_DATA_DIR if set; else
/// ~/.local/share/jupyter on Linux ($XDG_DATA_HOME/jupyter when XDG_DATA_HOME is set), ~/Library/Jupyter on macOS,
/// %APPDATA%\jupyter on Windows. VS Code's Jupyter extension reads the same folders.
/// </summary>
public static class JupyterPaths
{
    public static string DataDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }

    public static string KernelsDirectory(string? dataDirectory = null) => Path.Combine(dataDirectory ?? DataDirectory(), "kernels");
}
