using System.Runtime.InteropServices;
using MnistCourse.Native;

namespace MnistCourse.Tests.Native;

/// <summary>Which libtorch the library loads before TorchSharp probes, and the foreign copies it names.</summary>
public class BundledLibtorchTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Touch(params string[] parts)
    {
        var path = Path.Combine([_folder.Path, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    private static readonly string[] Native = ["runtimes", "linux-x64", "native"];

    [Fact]
    public void A_notebook_torchsharp_gets_the_libtorch_package_of_its_version_in_dependency_order()
    {
        // The NuGet layout a notebook's #r "nuget: TorchSharp-cpu" loads from: TorchSharp.dll in lib/net8.0, natives in two packages.
        var torchSharpDll = Touch("packages", "torchsharp", "0.107.0", "lib", "net8.0", "TorchSharp.dll");
        var libTorchSharp = Touch(["packages", "torchsharp", "0.107.0", .. Native, "libLibTorchSharp.so"]);
        foreach (var version in new[] { "2.10.0", "2.11.0" })
            foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so", "libgomp-98b21ff3.so.1" })
                Touch(["packages", "libtorch-cpu-linux-x64", version, .. Native, name]);

        var bundle = BundledLibtorch.Locate(Path.GetDirectoryName(torchSharpDll)!, "2.10.0.0", _folder.File("app"));

        Assert.NotNull(bundle);
        var folder = Path.Combine([_folder.Path, "packages", "libtorch-cpu-linux-x64", "2.10.0", .. Native]);
        Assert.Equal([.. new[] { "libgomp-98b21ff3.so.1", "libc10.so", "libtorch_cpu.so", "libtorch.so" }.Select(n => Path.Combine(folder, n)), libTorchSharp],
            bundle.LoadOrder);
    }

    [Fact]
    public void A_build_output_uses_the_copies_beside_torchsharp_and_an_incomplete_folder_is_not_used()
    {
        var app = _folder.File("app");
        Touch("app", "TorchSharp.dll");
        Touch("app", "libLibTorchSharp.so");
        Touch("app", "libc10.so");
        Touch("app", "libtorch.so");
        Assert.Null(BundledLibtorch.Locate(app, "2.10.0.0", app)); // libtorch_cpu.so missing: TorchSharp's own probing decides

        Touch("app", "libtorch_cpu.so");
        Assert.Equal(Path.Combine(app, "libLibTorchSharp.so"), BundledLibtorch.Locate(app, "2.10.0.0", app)!.LibTorchSharpPath);
    }

    [Fact]
    public void This_test_host_finds_the_complete_package_libtorch_it_runs_with()
    {
        var bundle = BundledLibtorch.ForThisProcess();
        Assert.NotNull(bundle);
        Assert.All(bundle.LoadOrder, path => Assert.True(File.Exists(path), path));
    }

    [Fact]
    public void Foreign_unversioned_libtorch_on_the_search_path_is_named_versioned_and_own_copies_are_not()
    {
        var conda = Path.GetDirectoryName(Touch("conda", "lib", "libtorch_cpu.so"))!;
        Touch("conda", "lib", "libc10.so");
        var debian = Path.GetDirectoryName(Touch("debian", "libtorch_cpu.so.1.13"))!; // only libtorch-dev adds the unversioned name
        var own = Path.GetDirectoryName(Touch("own", "libtorch_cpu.so"))!;
        var emptyConf = Directory.CreateDirectory(_folder.File("ld.so.conf.d")).FullName;

        var folders = ForeignLibtorch.SearchFolders($"{conda}:{debian}:{own}", emptyConf);
        var found = ForeignLibtorch.Find(folders.Where(f => f.StartsWith(_folder.Path)), own);

        Assert.Equal([Path.Combine(conda, "libtorch_cpu.so"), Path.Combine(conda, "libc10.so")], found);
        Assert.Equal(conda, folders[0]); // LD_LIBRARY_PATH comes first, as for the loader
    }

    [Fact]
    public void A_load_failure_with_a_foreign_libtorch_names_it_and_does_not_blame_libstdcxx()
    {
        var linux = new HostPlatform(OSPlatform.Linux, Architecture.X64);
        var failure = new DllNotFoundException("/pkgs/libtorch.so: undefined symbol: _ZN3c106detail14torchCheckFail");

        var message = TorchRuntime.Explain(failure, linux, () => false, ["/usr/lib/x86_64-linux-gnu/libtorch_cpu.so"]);

        Assert.DoesNotContain("libstdc++", message);
        Assert.Contains("/usr/lib/x86_64-linux-gnu/libtorch_cpu.so", message);
        Assert.Contains("undefined symbol", message);
    }
}
