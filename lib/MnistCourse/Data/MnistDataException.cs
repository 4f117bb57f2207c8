namespace MnistCourse.Data;

/// <summary>
/// A data file is missing, damaged, or not what it claims to be. The message names the file (or the folder),
/// what was expected, what was found, and how to fix it.
/// </summary>
public sealed class MnistDataException : Exception
{
    /// <summary>An error about a file or folder; <see cref="Exception.Message"/> reads "file: expected …, found …. Fix: …".</summary>
    public MnistDataException(string fileName, string expected, string found, string fix, Exception? inner = null)
        : base($"{fileName}: expected {expected}, found {found}. Fix: {fix.TrimEnd('.')}.", inner)
    {
        FileName = fileName;
        Expected = expected;
        Found = found;
        Fix = fix;
    }

    /// <summary>The file or folder, as messages show it.</summary>
    public string FileName { get; }

    /// <summary>What the file should have been, e.g. "magic 0x00000803 (IDX images)".</summary>
    public string Expected { get; }

    /// <summary>What it was instead.</summary>
    public string Found { get; }

    /// <summary>How to fix it.</summary>
    public string Fix { get; }

    // The fix for any wrong file: a fresh copy is fetched and verified in its place.
    internal static string DeleteAndFetchAgain(string fileName) =>
        $"delete {fileName} and run ./course setup (or load again); it will be fetched and verified";
}
