using System.Text.Json.Nodes;
using MnistCourse.Kernel.Installation;
using MnistCourse.Kernel.Tests.Support;

namespace MnistCourse.Kernel.Tests.Installation;

/// <summary>`./course kernel install | uninstall`: the kernelspec Jupyter finds, written and removed safely.</summary>
public class KernelSpecInstallerTests
{
    [Fact]
    public void Install_writes_a_kernelspec_Jupyter_can_start_with_message_interrupts()
    {
        using var temp = new TempFolder();
        var folder = KernelSpecInstaller.Install(KernelPaths.KernelDll, temp.Path);

        Assert.Equal(Path.Combine(temp.Path, "kernels", "mnistcourse-csharp"), folder);
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        var argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToArray();
        // Jupyter starts argv as it is, with {connection_file} replaced: the program and the kernel must exist.
        Assert.Equal(3, argv.Length);
        Assert.True(File.Exists(argv[0]) || argv[0] == "dotnet", $"argv[0] {argv[0]} is not a dotnet host Jupyter can start");
        Assert.True(File.Exists(argv[1]), $"argv[1] {argv[1]} does not exist");
        Assert.Equal("{connection_file}", argv[2]);
        // The kernel stops cells on interrupt_request messages (KernelProtocolTests), not on SIGINT.
        Assert.Equal("message", (string?)spec["interrupt_mode"]);
    }

    [Fact]
    public void Install_is_idempotent_and_uninstall_removes_only_our_kernelspec()
    {
        using var temp = new TempFolder();
        var other = Path.Combine(temp.Path, "kernels", "python3");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "kernel.json"), """{"argv": ["python3"], "display_name": "Python 3", "language": "python"}""");

        var first = KernelSpecInstaller.Install(KernelPaths.KernelDll, temp.Path);
        var second = KernelSpecInstaller.Install(KernelPaths.KernelDll, temp.Path);
        Assert.Equal(first, second);
        Assert.Equal(["kernel.json"], Directory.GetFiles(first).Select(Path.GetFileName));

        Assert.Equal(first, KernelSpecInstaller.Uninstall(temp.Path));
        Assert.False(Directory.Exists(first));
        Assert.True(File.Exists(Path.Combine(other, "kernel.json")));
        Assert.Null(KernelSpecInstaller.Uninstall(temp.Path)); // nothing left to remove
    }

    [Fact]
    public void Uninstall_refuses_a_foreign_kernelspec_under_our_name()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "kernels", KernelSpecInstaller.Name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "kernel.json"), """{"argv": ["something-else", "{connection_file}"], "display_name": "x", "language": "C#"}""");

        var error = Assert.Throws<InvalidOperationException>(() => KernelSpecInstaller.Uninstall(temp.Path));
        Assert.Contains(folder, error.Message);
        Assert.True(File.Exists(Path.Combine(folder, "kernel.json")));
    }

    [Fact]
    public void Install_refuses_to_replace_a_foreign_kernelspec_under_our_name_unless_forced()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "kernels", KernelSpecInstaller.Name);
        Directory.CreateDirectory(folder);
        const string foreign = """{"argv": ["someone-elses-kernel", "{connection_file}"], "display_name": "x", "language": "C#"}""";
        File.WriteAllText(Path.Combine(folder, "kernel.json"), foreign);

        var error = Assert.Throws<InvalidOperationException>(() => KernelSpecInstaller.Install(KernelPaths.KernelDll, temp.Path));
        Assert.Contains(folder, error.Message);
        Assert.Contains("--force", error.Message);
        Assert.Equal(foreign, File.ReadAllText(Path.Combine(folder, "kernel.json")));

        var program = ProcessRun.Run("dotnet", [KernelPaths.KernelDll, "install", "--data-dir", temp.Path], TimeSpan.FromMinutes(1));
        Assert.Equal(1, program.ExitCode);
        Assert.Contains("--force", program.Stderr);
        Assert.Equal(foreign, File.ReadAllText(Path.Combine(folder, "kernel.json")));

        var forced = ProcessRun.Run("dotnet", [KernelPaths.KernelDll, "install", "--data-dir", temp.Path, "--force"], TimeSpan.FromMinutes(1));
        Assert.True(forced.ExitCode == 0, forced.Both);
        Assert.Contains("MnistCourse.Kernel.dll", File.ReadAllText(Path.Combine(folder, "kernel.json")));
    }

    [Fact]
    [Trait("Speed", "Slow")] // Jupyter's own client looks the kernelspec up
    public void The_launchers_kernel_command_installs_where_Jupyter_looks_and_uninstalls()
    {
        using var jupyter = new JupyterHome(); // only for its environment: a throwaway JUPYTER_DATA_DIR
        KernelSpecInstaller.Uninstall(jupyter.DataDirectory);
        var environment = jupyter.Environment;

        var install = ProcessRun.Run("dotnet", [RepoPaths.LauncherDll, "kernel", "install"], TimeSpan.FromMinutes(1), environment);
        Assert.True(install.ExitCode == 0, install.Both);
        Assert.Contains("C# (MnistCourse)", install.Stdout);

        // Jupyter's own lookup (jupyter_client's KernelSpecManager) finds it under its name, with our display name.
        var lookup = JupyterClient.RunScript("find_kernelspec.py", [JupyterHome.KernelName], jupyter, TimeSpan.FromMinutes(1));
        Assert.True(lookup.ExitCode == 0, lookup.Both);
        Assert.Contains("C# (MnistCourse)", lookup.Stdout);
        Assert.Contains(Path.Combine(jupyter.DataDirectory, "kernels", "mnistcourse-csharp"), lookup.Stdout);

        var uninstall = ProcessRun.Run("dotnet", [RepoPaths.LauncherDll, "kernel", "uninstall"], TimeSpan.FromMinutes(1), environment);
        Assert.True(uninstall.ExitCode == 0, uninstall.Both);
        Assert.False(Directory.Exists(Path.Combine(jupyter.DataDirectory, "kernels", "mnistcourse-csharp")));
    }
}
