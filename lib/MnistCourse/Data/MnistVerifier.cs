using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MnistCourse.Data;

/// <summary>
/// Checks a file against its catalogue entry: exact size, then SHA-256 of the raw content. A file that
/// passed is remembered for the rest of the process (keyed by path, size and modification time), so
/// repeated loads in a notebook do not hash 55 MB again; any change to the file forgets it.
/// </summary>
/// <example>
/// <code>
/// string? problem = MnistVerifier.Verify(path, MnistCatalog.Original.TestLabels);
/// if (problem is null) Console.WriteLine("verified");
/// </code>
/// </example>
public static class MnistVerifier
{
    private readonly record struct Stamp(long Length, DateTime LastWriteUtc, string Sha256);

    private static readonly ConcurrentDictionary<string, Stamp> Verified = new(StringComparer.Ordinal);

    /// <summary>Lower-case hex SHA-256 of <paramref name="content"/>.</summary>
    /// <example><code>var sha = MnistVerifier.Sha256Hex(File.ReadAllBytes(path));</code></example>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexString(SHA256.HashData(content)).ToLowerInvariant();

    /// <summary>Lower-case hex SHA-256 of a file's bytes as stored (no decompression).</summary>
    /// <example><code>var sha = MnistVerifier.Sha256HexOfFile("data/mnist/t10k-labels-idx1-ubyte");</code></example>
    public static string Sha256HexOfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    /// <summary>
    /// Null when the file at <paramref name="path"/> has exactly the size and SHA-256 of <paramref name="spec"/>;
    /// otherwise a short description of what was found ("1,234 bytes …", "SHA-256 …", "an HTML page …").
    /// <paramref name="hashed"/> tells whether the SHA-256 had to be computed (false when remembered).
    /// </summary>
    /// <example><code>var problem = MnistVerifier.Verify(path, spec, out bool hashed);</code></example>
    public static string? Verify(string path, MnistFileSpec spec, out bool hashed)
    {
        hashed = false;
        var info = new FileInfo(path);
        if (!info.Exists) return "no such file";
        if (IsRemembered(info, spec)) return null;
        if (info.Length != spec.RawSize)
            return Describe(path, spec) ?? $"{info.Length:N0} bytes instead of {spec.RawSize:N0}";
        hashed = true;
        var sha = Sha256HexOfFile(path);
        if (sha != spec.Sha256)
            return Describe(path, spec) ?? $"SHA-256 {sha} instead of {spec.Sha256} (same size, different content)";
        Remember(info, spec);
        return null;
    }

    /// <summary>Same as <see cref="Verify(string, MnistFileSpec, out bool)"/>, without the hashed flag.</summary>
    /// <example><code>bool ok = MnistVerifier.Verify(path, spec) is null;</code></example>
    public static string? Verify(string path, MnistFileSpec spec) => Verify(path, spec, out _);

    /// <summary>True when this process already verified the file and it has not changed since.</summary>
    /// <example><code>if (!MnistVerifier.IsVerified(path, spec)) MnistVerifier.Verify(path, spec);</code></example>
    public static bool IsVerified(string path, MnistFileSpec spec) => IsRemembered(new FileInfo(path), spec);

    // For the loader, which hashes a file while parsing it: record that it matched.
    internal static void MarkVerified(string path, MnistFileSpec spec) => Remember(new FileInfo(path), spec);

    // After a verified temporary file is renamed: the content is unchanged, so carry the stamp over.
    internal static void MoveStamp(string from, string to, MnistFileSpec spec)
    {
        Verified.TryRemove(Path.GetFullPath(from), out _);
        Remember(new FileInfo(to), spec);
    }

    private static bool IsRemembered(FileInfo info, MnistFileSpec spec)
    {
        info.Refresh();
        return info.Exists && Verified.TryGetValue(info.FullName, out var s)
            && s.Length == info.Length && s.LastWriteUtc == info.LastWriteTimeUtc && s.Sha256 == spec.Sha256;
    }

    private static void Remember(FileInfo info, MnistFileSpec spec)
    {
        info.Refresh();
        Verified[info.FullName] = new Stamp(info.Length, info.LastWriteTimeUtc, spec.Sha256);
    }

    // A wrong file is easier to fix when the message says what it is (HTML page, label file, truncated…).
    private static string? Describe(string path, MnistFileSpec spec)
    {
        try
        {
            if (new FileInfo(path).Length > 4 * spec.RawSize + (1 << 20)) return null; // not worth reading
            var content = File.ReadAllBytes(path);
            if (spec.Kind == MnistFileKind.Images) IdxFile.ParseImages(content, path, spec.Count);
            else IdxFile.ParseLabels(content, path, spec.Count);
            return null;
        }
        catch (MnistDataException e)
        {
            return e.Found;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
