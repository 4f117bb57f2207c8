namespace MnistCourse.Data;

/// <summary>
/// A data file is missing, damaged, or not what it claims to be. The message names the file (or the folder),
/// what was expected, what was found, and how to fix it: "file: expected …, found …. Fix: …".
/// </summary>
public sealed class MnistDataException(string fileName, string expected, string found, string fix, Exception? inner = null)
    : Exception($"{fileName}: expected {expected}, found {found}. Fix: {fix.TrimEnd('.')}.", inner)
{
    /// <summary>What the file should have been, e.g. "magic 0x00000803 (IDX images)".</summary>
    public string Expected { get; } = expected;

    /// <summary>What it was instead.</summary>
    public string Found { get; } = found;

    // The fix for any wrong file: a fresh copy is fetched and verified in its place.
    internal static string DeleteAndFetchAgain(string fileName) =>
        $"delete {fileName} and run ./course setup (or load again); it will be fetched and verified";
}
