namespace MnistCourse.Data;

/// <summary>
/// One line of the cache report (for the launcher's <c>doctor</c>): which file, where, its status and size,
/// and a message that says what to do when it is not <see cref="MnistFileStatus.Ok"/>.
/// </summary>
/// <example>
/// <code>
/// foreach (var c in Mnist.Check())
///     Console.WriteLine($"{(c.IsOk ? "ok  " : "FAIL")} {c.File.Name}: {c.Message}");
/// </code>
/// </example>
/// <param name="File">The catalogue entry checked.</param>
/// <param name="Path">The file found, or the canonical path where it is expected.</param>
/// <param name="Status">What was found.</param>
/// <param name="Size">Size in bytes of the file found, null when there is none.</param>
/// <param name="Message">One sentence: the finding and, if needed, the fix.</param>
public sealed record MnistFileCheck(MnistFileSpec File, string Path, MnistFileStatus Status, long? Size, string Message)
{
    /// <summary>True when the file is present and verified.</summary>
    /// <example><code>bool allGood = Mnist.Check().All(c => c.IsOk);</code></example>
    public bool IsOk => Status == MnistFileStatus.Ok;
}
