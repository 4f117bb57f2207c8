using System.Reflection;
using System.Runtime.InteropServices;

namespace MnistCourse.Native;

/// <summary>
/// The libtorch that TorchSharp's own packages ship, loaded by full path before TorchSharp looks for it by name.
/// </summary>
/// <remarks>
/// Why: TorchSharp asks the loader for <c>torch_cpu</c> and <c>LibTorchSharp</c> by name, and the package's libraries find
/// each other through RUNPATH <c>$ORIGIN</c>, which glibc searches after <c>LD_LIBRARY_PATH</c> and which a bare-name
/// <c>dlopen</c> ignores. With Debian's libtorch-dev (an unversioned <c>libtorch_cpu.so</c> on the default path) or a
/// PyTorch/conda <c>lib/</c> on <c>LD_LIBRARY_PATH</c>, the loader takes those and TorchSharp fails. glibc matches a
/// library already in the process by its soname, so once the package's files are loaded (each after its dependencies)
/// every later lookup by name — TorchSharp's, and each library's DT_NEEDED — gets the package's copy.
/// </remarks>
public static class BundledLibtorch
{
    /// <summary>The package's libraries in dependency order (libgomp-*.so.1, loaded first, is matched by pattern).</summary>
    internal static readonly string[] LibtorchInOrder = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    public const string LibTorchSharp = "libLibTorchSharp.so";

    private static readonly string NativeFolder = Path.Combine("runtimes", "linux-x64", "native");

    /// <summary>Where the package's libtorch and libLibTorchSharp.so are for this process, in the order they must be loaded.</summary>
    public sealed record Bundle(string LibtorchFolder, string LibTorchSharpPath)
    {
        /// <summary>Full paths, each after the libraries it needs: libgomp, libc10, libtorch_cpu, libtorch, libLibTorchSharp.</summary>
        public IReadOnlyList<string> LoadOrder =>
        [
            .. Directory.EnumerateFiles(LibtorchFolder, "libgomp*.so*").Order(StringComparer.Ordinal),
            .. LibtorchInOrder.Select(name => Path.Combine(LibtorchFolder, name)),
            LibTorchSharpPath,
        ];
    }

    /// <summary>
    /// Finds the bundle TorchSharp would load, first match wins: beside TorchSharp.dll (a build output), in the NuGet
    /// packages TorchSharp.dll came from (a notebook's <c>#r "nuget:"</c>), in TorchSharp's own consolidated
    /// <c>cpu/</c> folder, beside the application. Null when none is complete.
    /// </summary>
    /// <param name="torchSharpFolder">The folder of TorchSharp.dll.</param>
    /// <param name="libtorchVersion">The libtorch-cpu package version TorchSharp was built for, e.g. "2.10.0".</param>
    /// <param name="appFolder">The application's folder (AppContext.BaseDirectory).</param>
    public static Bundle? Locate(string torchSharpFolder, string? libtorchVersion, string appFolder)
    {
        var packagesRoot = Path.GetFullPath(Path.Combine(torchSharpFolder, "..", "..", "..", ".."));
        var inPackages = LibtorchPackageFolders(packagesRoot, libtorchVersion)
            .Select(libtorch => new Bundle(libtorch, Path.Combine(torchSharpFolder, "..", "..", NativeFolder, LibTorchSharp)));
        string[] together = [torchSharpFolder, Path.Combine(torchSharpFolder, NativeFolder)];
        string[] afterPackages = [Path.Combine(torchSharpFolder, "cpu"), appFolder, Path.Combine(appFolder, NativeFolder)];
        return together.Select(SameFolder).Concat(inPackages).Concat(afterPackages.Select(SameFolder))
            .Select(b => b with { LibtorchFolder = Path.GetFullPath(b.LibtorchFolder), LibTorchSharpPath = Path.GetFullPath(b.LibTorchSharpPath) })
            .FirstOrDefault(IsComplete);

        static Bundle SameFolder(string folder) => new(folder, Path.Combine(folder, LibTorchSharp));
    }

    /// <summary>
    /// Loads the bundle's libraries by full path, each after its dependencies. A library that does not load throws
    /// <see cref="DllNotFoundException"/> with the loader's own reason (the file and what is missing).
    /// </summary>
    public static void Preload(Bundle bundle)
    {
        foreach (var path in bundle.LoadOrder)
            NativeLibrary.Load(path);
    }

    /// <summary>The bundle for the TorchSharp.dll this process references (without running TorchSharp's initializer).</summary>
    public static Bundle? ForThisProcess()
    {
        var assembly = typeof(TorchSharp.torch).Assembly;
        var folder = Path.GetDirectoryName(assembly.Location);
        return string.IsNullOrEmpty(folder) ? null : Locate(folder, LibtorchVersion(assembly), AppContext.BaseDirectory);
    }

    /// <summary>
    /// TorchSharp's <c>libtorchPackageVersion</c> constant ("2.10.0.0" in 0.107, the NuGet folder is "2.10.0"), read as
    /// metadata so that TorchSharp's type initializer does not run.
    /// </summary>
    private static string? LibtorchVersion(Assembly torchSharp) =>
        torchSharp.GetType("TorchSharp.torch")?.GetField("libtorchPackageVersion", BindingFlags.NonPublic | BindingFlags.Static)
            ?.GetRawConstantValue() as string;

    /// <summary>libtorch-cpu-linux-x64/&lt;version&gt;/runtimes/linux-x64/native: the given version (NuGet drops a trailing ".0"), else the newest.</summary>
    private static IEnumerable<string> LibtorchPackageFolders(string packagesRoot, string? version)
    {
        var package = Path.Combine(packagesRoot, "libtorch-cpu-linux-x64");
        if (!Directory.Exists(package)) return [];
        var versions = Directory.GetDirectories(package).Select(Path.GetFileName).OfType<string>().ToList();
        var wanted = version is null ? [] : new[] { version, version.EndsWith(".0") && version.Count(c => c == '.') == 3 ? version[..^2] : version };
        var chosen = versions.Where(v => wanted.Contains(v)).Concat(versions.OrderByDescending(v => Version.TryParse(v, out var p) ? p : new Version()));
        return chosen.Select(v => Path.Combine(package, v, NativeFolder));
    }

    private static bool IsComplete(Bundle bundle) =>
        File.Exists(bundle.LibTorchSharpPath) && LibtorchInOrder.All(name => File.Exists(Path.Combine(bundle.LibtorchFolder, name)));
}
