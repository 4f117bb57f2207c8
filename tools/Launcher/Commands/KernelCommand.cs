namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course kernel install | uninstall`: the kernelspec is written by the kernel itself (KernelSpecInstaller in
/// tools/Kernel), so the launcher and the kernel's tests share one code path.
/// </summary>
internal static class KernelCommand
{
    private const string SelectKernel = "In VS Code (Jupyter extension): open a lesson, \"Select Kernel\" ▸ \"Jupyter Kernel…\" ▸ \"C# (MnistCourse)\".";

    private static readonly Option<string> DataDirectory = new("--data-dir")
    {
        Description = "Use DIR as Jupyter's data folder instead of $JUPYTER_DATA_DIR, else ~/.local/share/jupyter.", HelpName = "DIR", Recursive = true,
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Replace a kernelspec named mnistcourse-csharp that is not the course's (refused otherwise).",
    };

    public static readonly Command Command = new("kernel", "Register the course's own C# Jupyter kernel, \"C# (MnistCourse)\". " + SelectKernel)
    {
        DataDirectory,
        Forward("install", "Write the kernelspec (mnistcourse-csharp) into Jupyter's kernels folder; running it again updates it.", Force),
        Forward("uninstall", "Remove that kernelspec (only ours)."),
    };

    private static string KernelDll => CoursePaths.ToolDll(Repo.Root, "Kernel");

    /// <summary>A subcommand the kernel program carries out itself.</summary>
    private static Command Forward(string name, string description, params Option<bool>[] flags)
    {
        var command = new Command(name, description);
        foreach (var flag in flags) command.Options.Add(flag);
        return command.WithAction(parsed => Run(name, parsed, flags));
    }

    private static int Run(string name, ParseResult parsed, Option<bool>[] flags)
    {
        if (!File.Exists(KernelDll))
        {
            Console.Error.WriteLine($"course kernel: the kernel is not built ({KernelDll} is missing); run: dotnet build MnistCourse.sln -c Release");
            return 1;
        }
        string[] dataDirectory = parsed.GetValue(DataDirectory) is { } folder ? ["--data-dir", folder] : [];
        string[] set = [.. flags.Where(parsed.GetValue).Select(flag => flag.Name)];
        int exit = ChildProcess.Run("dotnet", [KernelDll, name, .. dataDirectory, .. set]);
        if (exit == 0 && name == "install") Console.WriteLine(SelectKernel);
        return exit;
    }
}
