namespace MnistCourse.Data;

/// <summary>The state of one data file in the cache folder, as <see cref="MnistCache.Check"/> reports it.</summary>
/// <example><code>if (check.Status == MnistFileStatus.Missing) Console.WriteLine("will be fetched on first use");</code></example>
public enum MnistFileStatus
{
    /// <summary>Present, right size, SHA-256 matches.</summary>
    Ok,

    /// <summary>Not in the folder in any accepted form; it will be fetched on first use.</summary>
    Missing,

    /// <summary>Only a <c>.gz</c> copy is present; it will be unpacked and verified on first use.</summary>
    CompressedOnly,

    /// <summary>Present with the wrong size (truncated, padded, or another file).</summary>
    WrongSize,

    /// <summary>Present with the right size but the wrong SHA-256.</summary>
    WrongHash,

    /// <summary>Present but could not be read (permissions, I/O error).</summary>
    Unreadable,
}
