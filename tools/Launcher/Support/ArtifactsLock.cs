namespace MnistCourse.Launcher.Support;

/// <summary>
/// One writer per artifacts folder: a command that writes results.json, executed copies or the site holds this lock
/// (an OS lock on <c>&lt;artifacts&gt;/.course.lock</c>, released when the command ends or dies). A second command on
/// the same folder waits, saying so, rather than refusing: both runs' results are then kept, one after the other,
/// which is what the learner who started the second one wanted; Ctrl+C stops the wait.
/// </summary>
internal static class ArtifactsLock
{
    public const string FileName = ".course.lock";

    /// <summary>Longer than a full `./course run` of every lesson on a slow machine; a holder that hangs longer is named.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromHours(4);

    public static IDisposable Take(string artifacts, string command)
    {
        Directory.CreateDirectory(artifacts);
        return FileLock.Acquire(Path.Combine(artifacts, FileName), Limit,
            line => Console.WriteLine($"course {command}: {line}; another course command is writing to {artifacts}, this one starts when it ends (Ctrl+C to stop)."));
    }
}
