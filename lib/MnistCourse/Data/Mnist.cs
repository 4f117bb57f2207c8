namespace MnistCourse.Data;

/// <summary>
/// The Keras-style entry point, <c>keras.datasets.mnist.load_data()</c> as plain arrays. The first call fetches
/// the four files into the cache folder (<c>data/mnist</c> of the repository, or <c>$MNIST_DIR</c>) and verifies
/// them by SHA-256; later calls read them from there. See <see cref="MnistCache"/> for sources and policies.
/// </summary>
/// <example>
/// <code>
/// var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadRaw();
/// // xTrain.Pixels: 60000*28*28 bytes, yTrain: 60000 labels; xTest / yTest: 10000
/// </code>
/// </example>
public static partial class Mnist
{
    /// <summary>Ensures the files (fetching on first use) and loads them as arrays.</summary>
    /// <param name="folder">Cache folder; default <see cref="MnistPaths.DefaultFolder"/>.</param>
    /// <param name="log">Where "MNIST: …" notices go; default standard error.</param>
    /// <example><code>MnistData d = Mnist.LoadRaw(); Console.WriteLine(d.TrainLabels[0]); // 5</code></example>
    public static MnistData LoadRaw(string? folder = null, TextWriter? log = null) => new MnistCache(folder, log).Load();

    /// <summary>Only makes sure the four verified files are in the cache folder; returns that folder.</summary>
    /// <example><code>string dir = Mnist.Ensure(); // e.g. /home/me/MnistCourse/data/mnist</code></example>
    public static string Ensure(string? folder = null, TextWriter? log = null) => new MnistCache(folder, log).Ensure();

    /// <summary>Reports on the four files without fetching or changing anything (for <c>doctor</c>).</summary>
    /// <example><code>foreach (var c in Mnist.Check()) Console.WriteLine($"{c.Status,-14} {c.Message}");</code></example>
    public static IReadOnlyList<MnistFileCheck> Check(string? folder = null) => new MnistCache(folder, TextWriter.Null).Check();

    /// <summary>The cache folder used when none is given.</summary>
    /// <example><code>Console.WriteLine(Mnist.DefaultFolder);</code></example>
    public static string DefaultFolder => MnistPaths.DefaultFolder();
}
