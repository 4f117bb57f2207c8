using TorchSharp;

namespace MnistCourse.Native;

/// <summary>Raised when TorchSharp's native library cannot be loaded here; the message names the cause and the fix.</summary>
public sealed class TorchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Gets TorchSharp ready in this process: the allocator setting, the libstdc++ compatibility patch where
/// the system needs it, then the native backend. Every library entry point that touches torch calls
/// <see cref="EnsureReady"/> first; it is cheap after the first call.
/// </summary>
/// <remarks>
/// Why here and not only in setup: a learner's notebook kernel restores TorchSharp into its own NuGet
/// folder and loads it there. Patching must happen before TorchSharp's type initializer runs, because a
/// failed initializer is final for the process.
/// </remarks>
public static class TorchRuntime
{
    private static readonly object Gate = new();
    private static bool _ready;

    /// <summary>Prepares and loads TorchSharp once; a <see cref="TorchUnavailableException"/> gives the fix when it cannot.</summary>
    public static void EnsureReady()
    {
        if (_ready) return;
        lock (Gate)
        {
            if (_ready) return;
            var platform = HostPlatform.Current;
            GlibcAllocator.Configure();
            if (NeedsLibStdCxxPatch(platform, () => LibStdCxx.Defines(LibStdCxx.TorchSharpNeeds)))
                PatchLibraries(CandidateLibraries(), log: null);
            try
            {
                // After the patch: the preloaded libLibTorchSharp.so is the patched copy.
                if (platform.IsLinux && BundledLibtorch.ForThisProcess() is { } bundle)
                    BundledLibtorch.Preload(bundle);
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e)
            {
                throw new TorchUnavailableException(
                    Explain(e, platform, () => LibStdCxx.Defines(LibStdCxx.TorchSharpNeeds), ForeignLibtorch.OnThisMachine()), e);
            }
            _ready = true;
        }
    }

    /// <summary>Patches every given copy of <c>libLibTorchSharp.so</c> that needs it; unwritable files are reported, not thrown, so setup can go on.</summary>
    public static IReadOnlyList<string> PatchLibraries(IEnumerable<string> libraries, TextWriter? log)
    {
        var lines = new List<string>();
        foreach (var library in libraries.Distinct())
        {
            string line;
            try
            {
                line = $"{WeakVersionPatch.Apply(library, LibStdCxx.TorchSharpNeeds)}: {library}";
            }
            catch (UnauthorizedAccessException)
            {
                line = $"NotWritable: {library} (run ./course setup as the owner of that folder)";
            }
            catch (InvalidDataException e)
            {
                line = $"Refused: {e.Message}";
            }
            lines.Add(line);
            log?.WriteLine("  " + line);
        }
        return lines;
    }

    /// <summary>
    /// The copies of <c>libLibTorchSharp.so</c> this process could load: beside the application, beside TorchSharp.dll
    /// (and its <c>cpu/</c> folder for notebooks), and in the NuGet package folder that fills later builds and restores.
    /// </summary>
    private static IEnumerable<string> CandidateLibraries()
    {
        const string name = "libLibTorchSharp.so";
        var native = Path.Combine("runtimes", "linux-x64", "native");
        var folders = new List<string> { AppContext.BaseDirectory, Path.Combine(AppContext.BaseDirectory, native) };
        var torchSharpDir = Path.GetDirectoryName(typeof(torch).Assembly.Location); // typeof does not run the initializer
        if (!string.IsNullOrEmpty(torchSharpDir))
            folders.AddRange(
                [torchSharpDir, Path.Combine(torchSharpDir, "cpu"), Path.Combine(torchSharpDir, "..", "..", native)]);
        var inPackages = NuGetPackageHomes("torchsharp").SelectMany(home => Directory.EnumerateFiles(home, name, SearchOption.AllDirectories));
        return folders.Select(f => Path.Combine(f, name)).Where(File.Exists).Concat(inPackages).Select(Path.GetFullPath).Distinct();
    }

    /// <summary>Every restored version folder of a package in the NuGet global packages folder.</summary>
    public static IEnumerable<string> NuGetPackageHomes(string packageId)
    {
        var package = Path.Combine(NuGetGlobalPackages.Folder(), packageId.ToLowerInvariant());
        return Directory.Exists(package) ? Directory.GetDirectories(package) : [];
    }

    /// <summary>
    /// Whether libLibTorchSharp.so's GLIBCXX_3.4.32 requirement must be made weak: only on Linux x64 (the one Linux library
    /// shipped), where libstdc++ lacks that version (Debian 12, Ubuntu 22.04; Ubuntu 24.04 has it).
    /// </summary>
    public static bool NeedsLibStdCxxPatch(HostPlatform platform, Func<bool> libStdCxxDefinesVersion) =>
        platform.IsLinux && platform.Processor == System.Runtime.InteropServices.Architecture.X64 && !libStdCxxDefinesVersion();

    /// <summary>
    /// The one-paragraph message for a TorchSharp that did not load: the system's known limit first; libstdc++ only when the
    /// loader named the missing GLIBCXX version; a foreign libtorch when one is on the search path; then the fix.
    /// </summary>
    internal static string Explain(Exception e, HostPlatform platform, Func<bool> libStdCxxDefinesVersion, IReadOnlyList<string>? foreignLibtorch = null)
    {
        var detail = e.InnerException?.Message ?? e.Message;
        var firstLine = detail.Split('\n').FirstOrDefault(l => l.Trim().Length > 0)?.Trim() ?? detail;
        if (platform.TorchUnsupportedReason() is { } reason)
            return reason + " Details: " + firstLine;
        if (detail.Contains(LibStdCxx.TorchSharpNeeds, StringComparison.Ordinal) && NeedsLibStdCxxPatch(platform, libStdCxxDefinesVersion))
            return "TorchSharp's native library could not be loaded: this system's libstdc++ (" + (LibStdCxx.Locate() ?? "not found") +
                   $") lacks {LibStdCxx.TorchSharpNeeds}, which TorchSharp 0.107 asks for, and the copies found could not be patched. " +
                   "Fix: run `./course setup` in the course folder (it patches the library in your NuGet cache), then restart the kernel. " +
                   "Details: " + firstLine;
        var foreign = foreignLibtorch is { Count: > 0 }
            ? $" Another libtorch is on the loader's search path ({string.Join(", ", foreignLibtorch)}); the course loads TorchSharp's own " +
              "by full path, so check that the TorchSharp-cpu 0.107.0 packages are restored completely (`./course setup`)."
            : "";
        return "TorchSharp's native library could not be loaded." + foreign + " Fix: run `./course doctor` in the course folder and follow what it says " +
               "(on a notebook, the first cell must reference TorchSharp-cpu 0.107.0). Details: " + firstLine;
    }
}
