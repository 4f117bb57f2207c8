using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace MnistCourse.NotebookEngine.Execution.Packages;

/// <summary>
/// Reads NuGet's obj/project.assets.json: for every package in the restored graph of one target framework,
/// its compile and runtime assemblies (skipping the "_._" placeholders) and, from <c>runtimeTargets</c>,
/// the runtime assemblies and native libraries for this platform's RIDs.
/// </summary>
public static class ProjectAssets
{
    public static IReadOnlyList<RestoredPackage> Read(string assetsPath, string targetFramework)
    {
        var runtimeIdentifiers = RuntimeIdentifiers();
        var root = JsonNode.Parse(File.ReadAllText(assetsPath)) as JsonObject
                   ?? throw new InvalidDataException($"{assetsPath}: not a JSON object");
        var packageFolder = (root["packageFolders"] as JsonObject)?.Select(p => p.Key).FirstOrDefault()
                            ?? throw new InvalidDataException($"{assetsPath}: no packageFolders");
        // The assemblies named here get loaded and run: only from NuGet's own folder, never from one the file points elsewhere.
        if (!NuGetGlobalPackages.Is(packageFolder))
            throw new InvalidDataException(
                $"{assetsPath}: its packages come from {packageFolder}, not NuGet's global packages folder {NuGetGlobalPackages.Folder()}; " +
                "refused (only that folder's packages are loaded). Fix: delete the folder of that file and run again.");
        var libraries = root["libraries"] as JsonObject ?? new JsonObject();
        var target = (root["targets"] as JsonObject)?
            .FirstOrDefault(t => string.Equals(t.Key, targetFramework, StringComparison.OrdinalIgnoreCase)).Value as JsonObject
            ?? throw new InvalidDataException($"{assetsPath}: no target {targetFramework}");

        var packages = new List<RestoredPackage>();
        foreach (var (key, value) in target)
        {
            if (value is not JsonObject entry || (string?)entry["type"] != "package") continue;
            var slash = key.IndexOf('/');
            var id = key[..slash];
            var version = key[(slash + 1)..];
            var libraryPath = (string?)libraries[key]?["path"] ?? $"{id.ToLowerInvariant()}/{version.ToLowerInvariant()}";
            var folder = Path.Combine(packageFolder, libraryPath);

            string Full(string relative) => Path.GetFullPath(Path.Combine(folder, relative));

            var compile = Assets(entry["compile"]).Select(Full).ToList();
            var runtime = Assets(entry["runtime"]).Select(Full).ToList();
            var natives = new List<string>();
            // The most specific RID that has assets of a kind wins, as in a RID-specific publish.
            var byKind = (entry["runtimeTargets"] as JsonObject ?? new JsonObject())
                .Where(t => t.Value is JsonObject)
                .Select(t => (Path: t.Key, Kind: (string?)t.Value!["assetType"], Rid: (string?)t.Value!["rid"]))
                .Where(t => t.Rid is not null && runtimeIdentifiers.Contains(t.Rid))
                .GroupBy(t => t.Kind);
            foreach (var kind in byKind)
            {
                var best = kind.MinBy(t => Array.IndexOf(runtimeIdentifiers, t.Rid)).Rid;
                var files = kind.Where(t => t.Rid == best && !IsPlaceholder(t.Path)).Select(t => Full(t.Path)).ToList();
                if (kind.Key == "native") natives.AddRange(files);
                else if (kind.Key == "runtime") runtime = files; // RID-specific implementation replaces the portable one
            }
            packages.Add(new RestoredPackage(id, version, compile, runtime, natives));
        }
        return packages;
    }

    private static IEnumerable<string> Assets(JsonNode? node) =>
        node is JsonObject obj ? obj.Select(p => p.Key).Where(p => !IsPlaceholder(p) && p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) : [];

    private static bool IsPlaceholder(string path) => path.EndsWith("_._", StringComparison.Ordinal) || path.Contains("/_._/", StringComparison.Ordinal);

    /// <summary>
    /// The runtime identifiers whose package assets fit this machine, most specific first (e.g. linux-x64, linux, unix,
    /// any), like the fallback graph NuGet uses for portable RIDs.
    /// </summary>
    private static string[] RuntimeIdentifiers()
    {
        var arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        if (OperatingSystem.IsWindows()) return [$"win-{arch}", "win", "any"];
        if (OperatingSystem.IsMacOS()) return [$"osx-{arch}", "osx", "unix", "any"];
        return [$"linux-{arch}", "linux", "unix", "any"];
    }
}

/// <summary>
/// One package of a restored graph with full paths to its assets for this platform: what to compile against,
/// what to load at run time, and which native libraries it ships.
/// </summary>
public sealed record RestoredPackage(
    string Id,
    string Version,
    IReadOnlyList<string> CompileAssemblies,
    IReadOnlyList<string> RuntimeAssemblies,
    IReadOnlyList<string> NativeLibraries);
