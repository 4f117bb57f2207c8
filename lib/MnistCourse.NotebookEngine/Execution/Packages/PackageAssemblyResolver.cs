using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text.RegularExpressions;

namespace MnistCourse.NotebookEngine.Execution.Packages;

/// <summary>
/// Makes restored packages loadable straight from the NuGet cache, without copying anything: managed assemblies
/// are loaded into the default load context (so the script and every library see one copy of each type), and
/// native libraries that package code asks for by name ("LibTorchSharp", "torch_cpu", …) are mapped to the files
/// the packages ship for this platform (<c>runtimes/linux-x64/native</c>). This is what lets TorchSharp find libtorch.
/// </summary>
internal sealed partial class PackageAssemblyResolver : IDisposable
{
    private readonly ConcurrentDictionary<string, string> _managed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _native = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What the runtime already provides (framework or host, i.e. the TPA list): the package copy is not used.</summary>
    private readonly HashSet<string> _platformAssemblies = new(
        ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(path => Path.GetFileNameWithoutExtension(path)), StringComparer.OrdinalIgnoreCase);

    public PackageAssemblyResolver()
    {
        AssemblyLoadContext.Default.Resolving += OnResolving;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += OnResolvingUnmanagedDll;
    }

    /// <summary>Registers the packages' files and loads their managed assemblies; returns the assemblies newly loaded.</summary>
    public IReadOnlyList<Assembly> Add(IReadOnlyList<RestoredPackage> packages)
    {
        foreach (var path in packages.SelectMany(p => p.NativeLibraries))
            foreach (var key in NativeKeys(Path.GetFileName(path)))
                _native.TryAdd(key, path);
        var toLoad = packages.SelectMany(p => p.RuntimeAssemblies).Select(path => (Name: Path.GetFileNameWithoutExtension(path), Path: path))
            .Where(assembly => !_platformAssemblies.Contains(assembly.Name) && _managed.TryAdd(assembly.Name, assembly.Path)).ToList();

        var loaded = new List<Assembly>();
        foreach (var (name, path) in toLoad)
        {
            try
            {
                loaded.Add(AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => string.Equals(a.GetName().Name, name, StringComparison.OrdinalIgnoreCase))
                           ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path));
            }
            catch (BadImageFormatException)
            {
                // not a managed assembly after all (some packages ship native files under lib/); nothing to load
            }
        }
        return loaded;
    }

    private Assembly? OnResolving(AssemblyLoadContext context, AssemblyName name) =>
        _managed.TryGetValue(name.Name ?? "", out var path) ? context.LoadFromAssemblyPath(path) : null;

    private IntPtr OnResolvingUnmanagedDll(Assembly requester, string libraryName) =>
        NativeKeys(libraryName).Select(key => _native.GetValueOrDefault(key)).FirstOrDefault(path => path is not null) is { } found
        && NativeLibrary.TryLoad(found, out var handle) ? handle : IntPtr.Zero;

    [GeneratedRegex(@"(\.so(\.\d+)*|\.dylib|\.dll)$", RegexOptions.IgnoreCase)]
    private static partial Regex NativeExtension();

    /// <summary>The names under which code may ask for a native file: "libtorch_cpu.so" → libtorch_cpu.so, libtorch_cpu, torch_cpu.</summary>
    private static IEnumerable<string> NativeKeys(string name)
    {
        yield return name;
        var bare = NativeExtension().Replace(name, "");
        yield return bare;
        if (bare.StartsWith("lib", StringComparison.OrdinalIgnoreCase) && bare.Length > 3) yield return bare[3..];
        else yield return "lib" + bare;
    }

    public void Dispose()
    {
        AssemblyLoadContext.Default.Resolving -= OnResolving;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll -= OnResolvingUnmanagedDll;
    }
}
