using System.IO.Compression;
using System.Net;

namespace MnistCourse.Data;

/// <summary>
/// Source (c): the public HTTPS mirrors of the original <c>.gz</c> files (those torchvision and TensorFlow
/// use). Each <c>.gz</c> is downloaded to a temporary file, checked to really be gzip (mirrors have served
/// HTML error pages under that name), and unpacked to the temporary path; the cache then verifies the raw
/// SHA-256. Timeouts are short, and a mirror that cannot be reached is not asked again for the other files.
/// </summary>
/// <example>
/// <code>
/// var http = new HttpMirrorSource(["https://example.org/mnist/"], timeout: TimeSpan.FromSeconds(30));
/// var data = new MnistCache(sources: [http]).Load();
/// </code>
/// </example>
public sealed class HttpMirrorSource : IMnistSource
{
    /// <summary>The mirrors tried by default, in order (each followed by <c>&lt;file&gt;.gz</c>).</summary>
    /// <example><code>foreach (var m in HttpMirrorSource.DefaultMirrors) Console.WriteLine(m);</code></example>
    public static IReadOnlyList<string> DefaultMirrors { get; } =
    [
        "https://ossci-datasets.s3.amazonaws.com/mnist/",
        "https://storage.googleapis.com/cvdf-datasets/mnist/",
    ];

    // The largest .gz is 9.9 MB; anything far bigger is not MNIST.
    private const long MaxDownload = 64L << 20;

    private readonly IReadOnlyList<string> _mirrors;
    private readonly TimeSpan _timeout;
    private readonly HttpMessageHandler? _handler;

    /// <summary>
    /// Tries <paramref name="mirrors"/> (default <see cref="DefaultMirrors"/>), each request limited to
    /// <paramref name="timeout"/> (default 60 s; connecting is limited to 5 s). <paramref name="handler"/> is for tests.
    /// </summary>
    /// <example><code>var http = new HttpMirrorSource(timeout: TimeSpan.FromSeconds(20));</code></example>
    public HttpMirrorSource(IEnumerable<string>? mirrors = null, TimeSpan? timeout = null, HttpMessageHandler? handler = null)
    {
        _mirrors = (mirrors ?? DefaultMirrors).Select(m => m.EndsWith('/') ? m : m + "/").ToArray();
        _timeout = timeout ?? TimeSpan.FromSeconds(60);
        _handler = handler;
    }

    /// <inheritdoc/>
    public string Name => "HTTPS mirrors";

    /// <inheritdoc/>
    public void Fetch(IReadOnlyList<MnistFetchTarget> targets, string cacheFolder, TextWriter log)
    {
        using var client = _handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), AutomaticDecompression = DecompressionMethods.None })
            : new HttpClient(_handler, disposeHandler: false);
        client.Timeout = _timeout;
        var dead = new HashSet<string>();
        var errors = new List<string>();
        var delivered = 0;
        foreach (var target in targets)
        {
            foreach (var mirror in _mirrors.Where(m => !dead.Contains(m)))
            {
                var url = mirror + target.File.Name + ".gz";
                var gzTemp = target.TempPath + ".gz";
                try
                {
                    Download(client, url, gzTemp);
                    Gunzip(gzTemp, target.TempPath, target.File.RawSize + 1, url);
                    log.WriteLine($"MNIST: downloaded {url}");
                    delivered++;
                    break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidDataException)
                {
                    var reason = e is TaskCanceledException ? $"timed out after {_timeout.TotalSeconds:F0} s" : e.Message;
                    errors.Add($"{url}: {reason}");
                    log.WriteLine($"MNIST: {url}: {reason}");
                    MnistCache.TryDelete(target.TempPath);
                    // No HTTP status means no connection at all: do not wait on that mirror again.
                    if (e is TaskCanceledException || e is HttpRequestException { StatusCode: null }) dead.Add(mirror);
                }
                finally
                {
                    MnistCache.TryDelete(gzTemp);
                }
            }
        }
        if (delivered == 0 && targets.Count > 0)
            throw new InvalidOperationException(
                $"no mirror delivered the files ({(dead.Count == _mirrors.Count ? "none reachable from this machine" : string.Join("; ", errors.Take(3)))})");
    }

    private static void Download(HttpClient client, string url, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        using var body = response.Content.ReadAsStream();
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        if (FolderGzipSource.CopyAtMost(body, file, MaxDownload + 1) > MaxDownload)
            throw new InvalidDataException($"more than {MaxDownload >> 20} MB: not an MNIST file");
    }

    private static void Gunzip(string gzPath, string rawPath, long limit, string url)
    {
        using var input = File.OpenRead(gzPath);
        var head = new byte[64];
        var n = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (!IdxFile.IsGzip(head.AsSpan(0, n)))
            throw new InvalidDataException($"not gzip: {IdxFile.DescribeForeign(head.AsSpan(0, n), url)}");
        input.Position = 0;
        using var unzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new FileStream(rawPath, FileMode.CreateNew, FileAccess.Write);
        FolderGzipSource.CopyAtMost(unzip, output, limit);
    }
}
