using System.Text.Json;
using System.Text.Json.Nodes;
using MnistCourse.Kernel.Language;
using MnistCourse.NotebookEngine.Execution.Packages;

namespace MnistCourse.Kernel.Installation;

/// <summary>
/// Writes and removes the kernelspec that makes Jupyter fronts (VS Code, JupyterLab, nbclient) offer this kernel:
/// <c>KERNELS/mnistcourse-csharp/kernel.json</c>. Installing again rewrites it (idempotent, e.g. after the repository
/// moved), but a kernelspec of that name that is not ours is replaced only when forced; uninstalling removes that
/// folder only, and only when its kernel.json is ours.
/// </summary>
public static class KernelSpecInstaller
{
    public const string Name = "mnistcourse-csharp";
    public const string DisplayName = "C# (MnistCourse)";

    /// <summary>
    /// Installs the kernelspec for <paramref name="kernelDll"/> (default: this running one); returns its folder. A
    /// foreign kernelspec under our name throws <see cref="InvalidOperationException"/> unless <paramref name="force"/>.
    /// </summary>
    public static string Install(string? kernelDll = null, string? dataDirectory = null, bool force = false)
    {
        kernelDll = Path.GetFullPath(kernelDll ?? typeof(KernelSpecInstaller).Assembly.Location);
        if (!File.Exists(kernelDll)) throw new FileNotFoundException($"the kernel is not built: {kernelDll} is missing", kernelDll);
        var folder = Path.Combine(KernelsDirectory(dataDirectory), Name);
        var existing = Path.Combine(folder, "kernel.json");
        if (!force && File.Exists(existing) && !IsOurs(existing))
            throw new InvalidOperationException($"{folder} holds a kernelspec that is not the MnistCourse kernel's; left as it is. " +
                                                "To replace it: ./course kernel install --force");
        var spec = new JsonObject
        {
            // The dotnet host by full path: a front started from a desktop menu may not have dotnet on its PATH.
            ["argv"] = new JsonArray(DotnetHost.Find(), kernelDll, "{connection_file}"),
            ["display_name"] = DisplayName,
            ["language"] = LanguageServices.LanguageName,
            ["interrupt_mode"] = "message", // interrupt_request on the control channel, not SIGINT
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        var json = spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        MnistCourse.Contracts.AtomicFile.WriteAllText(Path.Combine(folder, "kernel.json"), json);
        return folder;
    }

    /// <summary>Returns the folder removed, or null when no kernelspec of ours was installed there.</summary>
    public static string? Uninstall(string? dataDirectory = null)
    {
        var folder = Path.Combine(KernelsDirectory(dataDirectory), Name);
        if (!Directory.Exists(folder)) return null;
        if (!IsOurs(Path.Combine(folder, "kernel.json")))
            throw new InvalidOperationException($"{folder} holds a kernelspec that is not the MnistCourse kernel's; left as it is");
        Directory.Delete(folder, recursive: true);
        return folder;
    }

    public static string KernelsDirectory(string? dataDirectory = null) => Path.Combine(dataDirectory ?? DataDirectory(), "kernels");

    /// <summary>
    /// Where Jupyter looks for a user's kernelspecs, as jupyter_core decides it: JUPYTER_DATA_DIR if set; else
    /// ~/.local/share/jupyter on Linux ($XDG_DATA_HOME/jupyter when XDG_DATA_HOME is set), ~/Library/Jupyter on macOS,
    /// %APPDATA%\jupyter on Windows. VS Code's Jupyter extension reads the same folders.
    /// </summary>
    private static string DataDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        if (OperatingSystem.IsMacOS()) return Path.Combine(home, "Library", "Jupyter");
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrWhiteSpace(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter");
    }

    private static bool IsOurs(string kernelJson)
    {
        try
        {
            var spec = JsonNode.Parse(File.ReadAllText(kernelJson));
            return spec?["argv"] is JsonArray argv && argv.Any(a => ((string?)a)?.EndsWith("MnistCourse.Kernel.dll", StringComparison.Ordinal) == true);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
