using MnistCourse.Kernel;
using MnistCourse.Kernel.Connection;
using MnistCourse.Kernel.Hosting;
using static MnistCourse.Kernel.Installation.KernelSpecInstaller;

const string usage = """
    MnistCourse.Kernel: the course's C# Jupyter kernel, "C# (MnistCourse)".

    Usage:
      MnistCourse.Kernel CONNECTION_FILE          serve a Jupyter front (Jupyter starts it this way)
      MnistCourse.Kernel install [--data-dir DIR] [--force]
                                                write the kernelspec into DIR/kernels (default: Jupyter's data folder,
                                                JUPYTER_DATA_DIR or ~/.local/share/jupyter); --force replaces a
                                                kernelspec of the same name that is not the course's
      MnistCourse.Kernel uninstall [--data-dir DIR]
    """;

if (args is [] or ["-h" or "--help" or "help", ..])
{
    Console.Out.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}

if (args[0] is "install" or "uninstall")
{
    var force = args[0] == "install" && args.Contains("--force");
    string[] rest = [.. args[1..].Where(a => !(force && a == "--force"))];
    var dataDirectory = rest is ["--data-dir", var folder] ? folder : null;
    if (rest.Length > 0 && dataDirectory is null)
    {
        Console.Error.WriteLine($"MnistCourse.Kernel {args[0]}: unknown arguments '{string.Join(' ', args[1..])}'\n{usage}");
        return 2;
    }
    try
    {
        if (args[0] == "install")
        {
            var installed = Install(dataDirectory: dataDirectory, force: force);
            Console.Out.WriteLine($"installed the Jupyter kernel \"{DisplayName}\" ({Name}) in {installed}");
        }
        else if (Uninstall(dataDirectory) is { } removed)
            Console.Out.WriteLine($"removed the Jupyter kernel \"{DisplayName}\" from {removed}");
        else
            Console.Out.WriteLine($"the kernel \"{DisplayName}\" was not installed in {KernelsDirectory(dataDirectory)}; nothing to do");
        return 0;
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
    {
        Console.Error.WriteLine($"MnistCourse.Kernel {args[0]}: {e.Message}");
        return 1;
    }
}

if (args.Length > 1)
{
    Console.Error.WriteLine($"MnistCourse.Kernel: expected one connection file, got {args.Length} arguments\n{usage}");
    return 2;
}

var exitCode = 0;
try
{
    using var kernel = new JupyterKernel(ConnectionFile.Load(args[0]));
    await kernel.RunAsync();
}
catch (ConnectionFileException e)
{
    Console.Error.WriteLine($"MnistCourse.Kernel: {e.Message}");
    return 2;
}
catch (NetMQ.NetMQException e)
{
    KernelLog.Error($"cannot open the channels of {args[0]}: {e.Message} (is another kernel using these ports?)");
    exitCode = 1;
}
// A cell that ignored the interrupt may still be running: only ending the process stops it.
Environment.Exit(exitCode);
return exitCode;
