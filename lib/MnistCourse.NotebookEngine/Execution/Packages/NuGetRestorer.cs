using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MnistCourse.NotebookEngine.Execution.Packages;

/// <summary>
/// Restores NuGet packages the way the SDK does, by writing a throw-away project with the requested PackageReferences
/// and running <c>dotnet restore</c> on it (the user's NuGet.Config, package cache and mirrors apply as for any build).
/// All packages requested so far are restored together so their versions resolve as one graph.
/// Each distinct package set gets its own folder under the cache directory; a set restored before is reused.
/// </summary>
public sealed partial class NuGetRestorer
{
    /// <summary>How long a restore waits for another process restoring the same package set (a first TorchSharp download takes minutes).</summary>
    public static readonly TimeSpan LockLimit = TimeSpan.FromMinutes(15);

    /// <summary>Per user, owner-checked (<see cref="UserCache"/>): the restored assemblies named here are loaded and run.</summary>
    private readonly string _cacheDirectory;

    private readonly string _dotnet = DotnetHost.Find();

    /// <summary>The TFM the packages are restored for: the running runtime's (net10.0 here).</summary>
    private static string TargetFramework => $"net{Environment.Version.Major}.0";

    /// <param name="cacheDirectory">The restore projects' folder; the user's cache (…/mnistcourse/nuget) when not given.</param>
    public NuGetRestorer(string? cacheDirectory = null) => _cacheDirectory = cacheDirectory ?? UserCache.Folder("nuget");

    public async Task<RestoreResult> RestoreAsync(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources, CancellationToken cancellationToken = default)
    {
        var project = ProjectText(packages, sources);
        var folder = UserCache.FolderUnder(_cacheDirectory, Hash(project));
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        var okMarker = Path.Combine(folder, "restore.ok");

        // Several runner processes may restore the same set at once (the launcher runs notebooks in parallel).
        using var folderLock = await FileLock.AcquireAsync(Path.Combine(folder, "restore.lock"), LockLimit, Console.Error.WriteLine, cancellationToken);

        if (File.Exists(okMarker) && File.Exists(assets))
        {
            try
            {
                var cached = ProjectAssets.Read(assets, TargetFramework);
                if (cached.All(p => p.CompileAssemblies.Concat(p.RuntimeAssemblies).Concat(p.NativeLibraries).All(File.Exists)))
                    return new RestoreResult(cached, null);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // a damaged cache entry is restored again below
            }
        }

        File.Delete(okMarker);
        var projectPath = Path.Combine(folder, "restore.csproj");
        await File.WriteAllTextAsync(projectPath, project, cancellationToken);
        var (exitCode, output) = await RunRestoreAsync(projectPath, cancellationToken);
        if (exitCode != 0 || !File.Exists(assets))
            return new RestoreResult([], DescribeFailure(packages, sources, output));

        var restored = ProjectAssets.Read(assets, TargetFramework);
        await File.WriteAllTextAsync(okMarker, DateTime.UtcNow.ToString("O"), cancellationToken);
        return new RestoreResult(restored, null);
    }

    private static string ProjectText(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources)
    {
        // Explicit Sdk imports so that nothing around the cache folder (Directory.Build.props, central package
        // management) can change what is restored.
        var project = new XElement("Project",
            new XElement("PropertyGroup",
                new XElement("ImportDirectoryBuildProps", "false"),
                new XElement("ImportDirectoryBuildTargets", "false"),
                new XElement("ImportDirectoryPackagesProps", "false")),
            new XElement("Import", new XAttribute("Project", "Sdk.props"), new XAttribute("Sdk", "Microsoft.NET.Sdk")),
            new XElement("PropertyGroup",
                new XElement("TargetFramework", TargetFramework),
                new XElement("ManagePackageVersionsCentrally", "false"),
                new XElement("NuGetAudit", "false"),
                new XElement("NoWarn", "NU1603;NU1701;NU1608;NU1605"),
                sources.Count > 0 ? new XElement("RestoreAdditionalProjectSources", string.Join(';', sources)) : null),
            new XElement("ItemGroup",
                packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Select(p =>
                    new XElement("PackageReference", new XAttribute("Include", p.Id), new XAttribute("Version", p.Version ?? "*")))),
            new XElement("Import", new XAttribute("Project", "Sdk.targets"), new XAttribute("Sdk", "Microsoft.NET.Sdk")));
        return project.ToString() + "\n";
    }

    private static string Hash(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();

    /// <summary>A restore downloading TorchSharp's libtorch (about 200 MB) takes minutes; one that hangs is ended after this.</summary>
    private static readonly TimeSpan RestoreLimit = TimeSpan.FromMinutes(20);

    private async Task<(int ExitCode, string Output)> RunRestoreAsync(string projectPath, CancellationToken cancellationToken)
    {
        // When the engine itself runs under MSBuild or `dotnet test`, MSBuild's variables point the child at the parent's build and break it.
        var restore = new ExternalProgram(_dotnet, ["restore", projectPath, "--nologo", "-v", "q"])
        {
            WorkingDirectory = Path.GetDirectoryName(projectPath)!,
            TimeLimit = RestoreLimit,
            Environment = new Dictionary<string, string?>
            {
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            },
        }.WithoutMSBuildEnvironment();
        var result = await restore.RunAsync(cancellationToken);
        var timedOut = result.TimedOut ? $"\nerror NU0000: dotnet restore did not finish within {RestoreLimit.TotalMinutes:0} minutes (is the NuGet source reachable?)" : "";
        return (result.TimedOut ? 1 : result.ExitCode, result.Output + result.Error + timedOut);
    }

    [GeneratedRegex(@"error\s+(NU\d{4}):\s*(.*?)(?:\s+\[[^\]]*\])?\s*$", RegexOptions.Multiline)]
    private static partial Regex NuGetMessage();

    private static string DescribeFailure(IReadOnlyList<PackageRequest> packages, IReadOnlyList<string> sources, string output)
    {
        var errors = NuGetMessage().Matches(output)
            .Select(m => $"{m.Groups[1].Value}: {m.Groups[2].Value.Trim()}")
            .Distinct()
            .ToList();
        var named = packages.Where(p => errors.Any(e => e.Contains(p.Id, StringComparison.OrdinalIgnoreCase))).ToList();
        if (named.Count == 0) named = packages.ToList();
        var what = string.Join(", ", named.Select(p => p.Version is null ? $"{p.Id} (newest version)" : $"{p.Id} {p.Version}"));
        var extra = sources.Count > 0 ? $" (extra sources from #i: {string.Join(", ", sources)})" : "";
        var detail = errors.Count > 0
            ? string.Join(" ", errors)
            : string.Join(" ", output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(5));
        return $"NuGet package {what} could not be restored from the configured NuGet source(s){extra}: {detail}";
    }
}

/// <summary>The outcome of restoring a package set: the packages of the whole graph, or an error message naming what failed.</summary>
public sealed record RestoreResult(IReadOnlyList<RestoredPackage> Packages, string? Error)
{
    public bool Succeeded => Error is null;
}
