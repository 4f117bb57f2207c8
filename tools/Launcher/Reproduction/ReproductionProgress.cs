namespace MnistCourse.Launcher.Reproduction;

/// <summary>
/// The progress lines of a reproduction: what each running lesson is at, and the time left estimated from the finished runs
/// of the same lesson (none before a lesson's first run ends: an estimate is a measurement, not a guess).
/// </summary>
internal sealed class ReproductionProgress(int plannedRuns, int atOnce)
{
    private int total = plannedRuns;
    private readonly Dictionary<string, List<double>> durations = [];
    private string last = "";

    /// <summary>Each lesson's mean run time so far (lessons with a finished run only).</summary>
    public IReadOnlyDictionary<string, double> LessonSeconds => durations.ToDictionary(d => d.Key, d => d.Value.Average());

    /// <summary>Runs added after the plan (--budget) count in the "done of total" line.</summary>
    public void Added(int runs) => total += runs;

    public void Finished(LessonProcess run) =>
        (durations.TryGetValue(run.Job.Lesson, out var list) ? list : durations[run.Job.Lesson] = []).Add(run.Clock.Elapsed.TotalSeconds);

    /// <summary>A line when a run starts a new epoch, not every second the estimate moves; null when nothing changed.</summary>
    public string? Line(TimeSpan elapsed, int done, IReadOnlyCollection<LessonProcess> running, IEnumerable<LessonJob> pending)
    {
        var state = $"{done}/{total} runs done · {string.Join(" · ", running.Select(r => $"{r.Job.Lesson} seed {r.Job.Seed}: {r.Epoch}"))}";
        if (state == last || running.Count == 0) return null;
        last = state;
        double? Estimate(string lesson) => durations.TryGetValue(lesson, out var d) && d.Count > 0 ? d.Average() : null;
        var left = running.Select(r => Estimate(r.Job.Lesson) is { } e ? Math.Max(0, e - r.Clock.Elapsed.TotalSeconds) : (double?)null)
            .Concat(pending.Select(j => Estimate(j.Lesson))).ToList();
        var eta = left.Any(x => x is null) ? "time left: after each lesson's first run" : $"about {Minutes(left.Sum(x => x!.Value) / atOnce)} left";
        return $"  [{Minutes(elapsed.TotalSeconds)}] {state} · {eta}";
    }

    public static string Minutes(double seconds) => seconds < 60 ? $"{seconds:0} s" : $"{(int)(seconds / 60)} min {seconds % 60:00} s";
}
