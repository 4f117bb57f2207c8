namespace MnistCourse.Data;

/// <summary>
/// One file a source is asked to deliver: write the raw (uncompressed) content of <paramref name="File"/>
/// to <paramref name="TempPath"/>, a temporary name inside the cache folder. The cache then verifies the
/// SHA-256 and renames it to its final name, or deletes it.
/// </summary>
/// <example>
/// <code>
/// foreach (var t in targets)
///     File.WriteAllBytes(t.TempPath, DownloadRaw(t.File.Name));
/// </code>
/// </example>
/// <param name="File">The catalogue entry wanted.</param>
/// <param name="TempPath">Where to write it (does not exist yet; create it).</param>
public sealed record MnistFetchTarget(MnistFileSpec File, string TempPath);
