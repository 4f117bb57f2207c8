using MnistCourse.Data;
using MnistCourse.Launcher.Support;
using MnistCourse.Native;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course setup` (and the first step of run and test): after the script's restore and build, patch
/// TorchSharp's native library where this system needs it, and fetch and verify MNIST. Idempotent.
/// </summary>
internal static class SetupCommand
{
    public static int Run(bool quiet)
    {
        var log = quiet ? TextWriter.Null : Console.Out;
        log.WriteLine($"course setup in {Repo.Root}");

        // TorchSharp 0.107 asks for GLIBCXX_3.4.32; Debian 12 / Ubuntu 22.04 have 3.4.30.
        if (LibStdCxx.Defines(LibStdCxx.TorchSharpNeeds))
        {
            log.WriteLine($"  libstdc++ defines {LibStdCxx.TorchSharpNeeds}: TorchSharp loads as shipped, nothing to patch.");
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

        try
        {
            var folder = Mnist.Ensure(log: quiet ? TextWriter.Null : Console.Out);
            log.WriteLine($"  MNIST verified in {folder}");
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
    internal static IEnumerable<string> NativeCopies()
    {
        foreach (var home in TorchRuntime.NuGetPackageHomes("torchsharp"))
            foreach (var file in Directory.EnumerateFiles(home, "libLibTorchSharp.so", SearchOption.AllDirectories))
                yield return file;
        foreach (var top in new[] { "lib", "tools", "tests" })
        {
            var dir = Path.Combine(Repo.Root, top);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "libLibTorchSharp.so", SearchOption.AllDirectories))
                yield return file;
        }
    }
}
