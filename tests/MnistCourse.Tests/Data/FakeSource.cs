using MnistCourse.Data;

namespace MnistCourse.Tests.Data;

/// <summary>
/// A scriptable <see cref="IMnistSource"/>: delivers the bytes it is given, optionally corrupts them,
/// or writes part of a file and then throws (an interrupted download). Counts its calls.
/// </summary>
internal sealed class FakeSource(IReadOnlyDictionary<string, byte[]> files) : IMnistSource
{
    public string Name { get; init; } = "fake source";

    /// <summary>When set, the named file is written only half-way, then the source throws.</summary>
    public string? FailMidwayOn { get; init; }

    /// <summary>When set, every delivered file has this byte flipped (same size, wrong SHA-256).</summary>
    public int? CorruptByte { get; init; }

    public int Calls { get; private set; }

    public List<string> Requested { get; } = [];

    public void Fetch(IReadOnlyList<MnistFetchTarget> targets, string cacheFolder, TextWriter log)
    {
        Calls++;
        foreach (var target in targets)
        {
            Requested.Add(target.File.Name);
            Assert.StartsWith(cacheFolder, target.TempPath); // temp files live in the cache folder
            if (!files.TryGetValue(target.File.Name, out var bytes)) continue;
            bytes = (byte[])bytes.Clone();
            if (target.File.Name == FailMidwayOn)
            {
                File.WriteAllBytes(target.TempPath, bytes[..(bytes.Length / 2)]);
                throw new IOException("connection reset (simulated)");
            }
            if (CorruptByte is { } k) bytes[k % bytes.Length] ^= 0xFF;
            File.WriteAllBytes(target.TempPath, bytes);
        }
    }
}
