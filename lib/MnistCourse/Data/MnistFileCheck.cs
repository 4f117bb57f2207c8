namespace MnistCourse.Data;

/// <summary>
/// One line of <see cref="MnistCache.Check()"/>'s report (for <c>./course doctor</c>): the file, where it is or is
/// expected, whether it is present and verified, and one sentence saying what was found and, if needed, the fix.
/// </summary>
public sealed record MnistFileCheck(MnistFile File, string Path, bool IsOk, string Message);
