using System.Text.Json;
using System.Text.Json.Nodes;
using MnistCourse.Kernel.Language;
using MnistCourse.Notebooks.Engine.Packages;

namespace MnistCourse.Kernel.Installation;

/// <summary>
/// Writes and removes the kernelspec that makes Jupyter fronts (VS Code, JupyterLab, nbclient) offer this kernel:
/// <c>KERNELS/mnistcourse-csharp/kernel.json</c>. Installing again rewrites it (idempotent, e.g. after the repository
/// moved); uninstalling removes that folder only, and only when its kernel.json is ours.
/// </summary>
public static class KernelSpecInstaller
{
    public const string Name = "mnistcourse-csharp";
    public const string DisplayName = "C# (MnistCourse)";

    /// <param name="kernelDll">The kernel's MnistCourse.Kernel.dll (default: this running one).</param>
    /// <param name="dataDirectory">Jupyter's data folder (default: <see cref="JupyterPaths.DataDirectory"/>).</param>
    /// <returns>The kernelspec folder.</returns>
    public static string Install(string? kernelDll = null, string? dataDirectory = null, string? dotnet = null)
    {
        kernelDll = Path.GetFullPath(kernelDll ?? typeof(KernelSpecInstaller).Assembly.Location);
        if (!File.Exists(kernelDll)) throw new FileNotFoundException($"the kernel is not built: {kernelDll} is missing", kernelDll);
        var folder = Path.Combine(JupyterPaths.KernelsDirectory(dataDirectory), Name);
        Directory.CreateDirectory(folder);
        var spec = new JsonObject
        {
            // The dotnet host by full path: a front started from a desktop menu may not have dotnet on its PATH.
            ["argv"] = new JsonArray(dotnet ?? DotnetHost.Find(), kernelDll, "{connection_file}"),
            ["display_name"] = DisplayName,
            ["language"] = KernelInfo.LanguageName,
            ["interrupt_mode"] = "message", // interrupt_request on the control channel, not SIGINT
            ["metadata"] = new JsonObject { ["debugger"] = false },
        };
        var file = Path.Combine(folder, "kernel.json");
        var temp = file + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temp, spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, file, overwrite: true);
        return folder;
    }

    /// <returns>The folder removed, or null when no kernelspec of ours was installed there.</returns>
    /// <exception cref="InvalidOperationException">The folder holds a kernelspec that is not this kernel's.</exception>
    public static string? Uninstall(string? dataDirectory = null)
    {
        var folder = Path.Combine(JupyterPaths.KernelsDirectory(dataDirectory), Name);
        if (!Directory.Exists(folder)) return null;
        if (!IsOurs(Path.Combine(folder, "kernel.json")))
            throw new InvalidOperationException($"{folder} holds a kernelspec that is not the MnistCourse kernel's; left as it is");
        Directory.Delete(folder, recursive: true);
        return folder;
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
