using MnistCourse.Kernel.Installation;

namespace MnistCourse.Kernel.Tests.Support;

/// <summary>
/// A throwaway Jupyter data / runtime / config folder with the kernelspec installed by the same function
/// `./course kernel install` runs, pointing at the kernel built with the tests: the user's own kernels are never touched.
/// </summary>
public sealed class JupyterHome : IDisposable
{
    private readonly TempFolder _folder = new();

    public JupyterHome()
    {
        DataDirectory = _folder.File("data");
        SpecFolder = KernelSpecInstaller.Install(KernelPaths.KernelDll, DataDirectory);
        Environment = new Dictionary<string, string?>
        {
            ["JUPYTER_DATA_DIR"] = DataDirectory,
            ["JUPYTER_RUNTIME_DIR"] = _folder.File("runtime"),
            ["JUPYTER_CONFIG_DIR"] = _folder.File("config"),
            ["JUPYTER_PATH"] = null,
        };
    }

    public const string KernelName = KernelSpecInstaller.Name;

    public string DataDirectory { get; }

    public string SpecFolder { get; }

    public IReadOnlyDictionary<string, string?> Environment { get; }

    public string File(string name) => _folder.File(name);

    public void Dispose() => _folder.Dispose();
}
