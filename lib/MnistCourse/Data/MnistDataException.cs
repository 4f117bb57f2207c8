namespace MnistCourse.Data;

/// <summary>
/// A data file is missing, damaged, or not what it claims to be. The message always names the file,
/// what was expected, what was found, and how to fix it.
/// </summary>
/// <example>
/// <code>
/// try { var data = Mnist.LoadRaw(); }
/// catch (MnistDataException e) { Console.WriteLine(e.Message); } // "…: expected …, found …. Fix: …"
/// </code>
/// </example>
public sealed class MnistDataException : Exception
{
    /// <summary>Creates an exception from its four parts; <see cref="Exception.Message"/> joins them.</summary>
    /// <example><code>throw new MnistDataException("data/mnist/x", "magic 2051", "magic 2049", "delete it and run again");</code></example>
    public MnistDataException(string? fileName, string expected, string found, string fix, Exception? inner = null)
        : base(Compose(fileName, expected, found, fix), inner)
    {
        FileName = fileName;
        Expected = expected;
        Found = found;
        Fix = fix;
    }

    /// <summary>Creates an exception with a free-form message (used when several files are involved).</summary>
    /// <example><code>throw new MnistDataException("MNIST: could not fetch …");</code></example>
    public MnistDataException(string message, Exception? inner = null) : base(message, inner)
    {
        Expected = Found = Fix = "";
    }

    /// <summary>The file concerned, as shown to the user (may be null when the data did not come from a file).</summary>
    /// <example><code>Console.WriteLine(e.FileName);</code></example>
    public string? FileName { get; }

    /// <summary>What the loader expected, e.g. "magic 0x00000803 (IDX images)".</summary>
    /// <example><code>Console.WriteLine(e.Expected);</code></example>
    public string Expected { get; }

    /// <summary>What the loader found instead.</summary>
    /// <example><code>Console.WriteLine(e.Found);</code></example>
    public string Found { get; }

    /// <summary>How to fix it, e.g. "delete data/mnist/… and run again; it will be fetched and verified".</summary>
    /// <example><code>Console.WriteLine(e.Fix);</code></example>
    public string Fix { get; }

    /// <summary>The usual fix for a damaged cache file: delete it so the loader fetches and verifies a fresh copy.</summary>
    /// <example><code>var fix = MnistDataException.DeleteAndRetry("data/mnist/train-labels-idx1-ubyte");</code></example>
    public static string DeleteAndRetry(string fileName) =>
        $"delete {fileName} and run again; it will be fetched and verified";

    private static string Compose(string? fileName, string expected, string found, string fix) =>
        $"{fileName ?? "MNIST data"}: expected {expected}, found {found}. Fix: {fix.TrimEnd('.')}.";
}
