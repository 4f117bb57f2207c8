using MnistCourse.Launcher.Support;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course kernel install | uninstall [--data-dir DIR]`: registers the course's own Jupyter kernel,
/// "C# (MnistCourse)", with Jupyter (VS Code's Jupyter extension, JupyterLab, nbclient). The kernelspec is written
/// by the kernel itself (KernelSpecInstaller in tools/Kernel), so the launcher and the kernel's tests share one code path.
/// </summary>
internal static class KernelCommand
{
    private const string Usage = """
        Usage: ./course kernel install | uninstall [--data-dir DIR]

          install     write the kernelspec "C# (MnistCourse)" (mnistcourse-csharp) into Jupyter's kernels folder:
                      $JUPYTER_DATA_DIR/kernels, else ~/.local/share/jupyter/kernels; running it again updates it
          uninstall   remove that kernelspec (only ours)
          --data-dir  use DIR as Jupyter's data folder instead

        Then, in VS Code: open a lesson, "Select Kernel" ▸ "Jupyter Kernel…" ▸ "C# (MnistCourse)".
        """;

    public static string KernelDll => CoursePaths.ToolDll(Repo.Root, "Kernel");

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        if (args[0] is not ("install" or "uninstall"))
        {
            Console.Error.WriteLine($"course kernel: unknown subcommand '{args[0]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
        }
        if (!File.Exists(KernelDll))
        {
            Console.Error.WriteLine($"course kernel: the kernel is not built ({KernelDll} is missing); run: dotnet build MnistCourse.sln -c Release");
            return 1;
        }

        int exit = ChildProcess.Run("dotnet", [KernelDll, .. args]);
        if (exit == 0 && args[0] == "install")
            Console.WriteLine("In VS Code (Jupyter extension): open a lesson, \"Select Kernel\" ▸ \"Jupyter Kernel…\" ▸ \"C# (MnistCourse)\".");
        return exit;
    }
}
