using System.IO.Compression;

namespace MnistCourse.Data;

/// <summary>
/// Source (a): <c>.gz</c> copies already in the cache folder (<c>train-images-idx3-ubyte.gz</c> or
/// <c>train-images.idx3-ubyte.gz</c>), unpacked to the temporary path. The <c>.gz</c> files are left in place.
/// A <c>.gz</c> that is not gzip (an HTML error page saved under that name, say) is reported and skipped.
/// </summary>
/// <example>
/// <code>
/// // cp ~/Downloads/*-ubyte.gz data/mnist/   then:
/// var data = Mnist.LoadRaw();                // unpacks, verifies, stores the raw files
/// </code>
/// </example>
public sealed class FolderGzipSource : IMnistSource
{
    /// <inheritdoc/>
    public string Name => ".gz files in the cache folder";

    /// <inheritdoc/>
    public void Fetch(IReadOnlyList<MnistFetchTarget> targets, string cacheFolder, TextWriter log)
    {
        foreach (var target in targets)
        {
            var gz = target.File.GzipNames.Select(n => Path.Combine(cacheFolder, n)).FirstOrDefault(File.Exists);
            if (gz is null) continue;
            try
            {
                using var input = File.OpenRead(gz);
                var head = new byte[2];
                var n = input.ReadAtLeast(head, 2, throwOnEndOfStream: false);
                input.Position = 0;
                if (!IdxFile.IsGzip(head.AsSpan(0, n)))
                {
                    log.WriteLine($"MNIST: ignoring {MnistPaths.Display(gz)}: {Describe(gz)}. Fix: delete it (or replace it with the real file).");
                    continue;
                }
                using var unzip = new GZipStream(input, CompressionMode.Decompress);
                using var output = new FileStream(target.TempPath, FileMode.CreateNew, FileAccess.Write);
                CopyAtMost(unzip, output, target.File.RawSize + 1); // one byte more is enough to reject an oversized file
                log.WriteLine($"MNIST: unpacked {MnistPaths.Display(gz)}");
            }
            catch (InvalidDataException e)
            {
                // A damaged .gz: leave the partial temp file to the cache, which deletes it unverified.
                log.WriteLine($"MNIST: {MnistPaths.Display(gz)} is a damaged gzip file ({e.Message}). Fix: delete it and run again.");
            }
        }
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes (guards against a file far larger than expected).</summary>
    /// <example><code>FolderGzipSource.CopyAtMost(gzip, file, spec.RawSize + 1);</code></example>
    public static long CopyAtMost(Stream from, Stream to, long limit)
    {
        var buffer = new byte[1 << 20];
        long total = 0;
        int read;
        while (total < limit && (read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, limit - total))) > 0)
        {
            to.Write(buffer, 0, read);
            total += read;
        }
        return total;
    }

    private static string Describe(string path)
    {
        var head = new byte[64];
        using var input = File.OpenRead(path);
        var n = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return $"it is not gzip, found {IdxFile.DescribeForeign(head.AsSpan(0, n), path)}";
    }
}
