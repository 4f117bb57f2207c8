using MnistCourse.Launcher.Commands;

// ./course COMMAND …  — the bash script builds the solution, then hands over here.
var command = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
try
{
    return command switch
    {
        "setup" => SetupCommand.Run(rest),
        "doctor" => DoctorCommand.Run(),
        "run" => RunCommand.Run(rest),
        "test" => TestCommand.Run(rest),
        "reproduce" => ReproduceCommand.Run(rest),
        "bench" => BenchCommand.Run(rest),
        "bench-worker" => MnistCourse.Launcher.Bench.BenchWorker.Run(rest[0], int.Parse(rest[1]), int.Parse(rest[2])),
        "export" => ExportCommand.Run(rest),
        "site" => SiteCommand.Run(rest),
        "kernel" => KernelCommand.Run(rest),
        "help" or "--help" or "-h" => Help(0),
        _ => Help(2, $"course: unknown command '{command}'."),
    };
}
catch (Exception e) when (e is not OutOfMemoryException)
{
    Console.Error.WriteLine($"course {command}: {e.Message}");
    return 1;
}

static int Help(int exitCode, string? problem = null)
{
    if (problem is not null) Console.Error.WriteLine(problem);
    Console.WriteLine("""
        Usage: ./course COMMAND

          run [--quick] [--seed N] [--set name=value]… [NOTEBOOK…]
                      set up if needed, execute the lessons headless (executed copies in artifacts/),
                      print the reproduction table (also artifacts/results.json);
                      --seed N: another random start than the default 0, to see the spread
          reproduce [--seeds N] [--quick] [--resume] [--jobs J] [TUTORIAL…]
                      train each tutorial at seeds 0..N-1 (default 5; several runs at once), then per tutorial
                      mean, SD, 95% CI, min–max and the verdict; artifacts/reproduction.json after every run
          test [--fast] [dotnet test options…]
                      the whole test suite (installing the test tools first when missing); ends with
                      "N passed, N failed, N skipped"; --fast: the unit tests only (no Jupyter, Chromium, lessons)
          setup [--for-tests]
                      restore, build, patch TorchSharp's native library where needed, fetch MNIST;
                      --for-tests: also install what the test suite uses (apt-get as root or with sudo -n)
          doctor      check this machine (.NET, NuGet, npm, data, TorchSharp, test tools) and say how to fix what fails
          bench [--json]
                      time each tutorial network: the library's Fit, a bare TorchSharp loop, and PyTorch
          export [--out DIR] [NOTEBOOK…]
                      turn each lesson into a .NET 10 file-based app: artifacts/apps/<lesson>.cs
          site [--artifacts DIR] [--out DIR]
                      render the executed notebooks to a static site: artifacts/site/ (run does it too)
          kernel install | uninstall
                      register the course's own C# Jupyter kernel, "C# (MnistCourse)"
        """);
    return exitCode;
}
