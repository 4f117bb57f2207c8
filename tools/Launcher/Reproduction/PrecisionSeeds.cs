using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Reproduction;

/// <summary>
/// `./course reproduce --budget MINUTES`: after the planned seeds, tutorials whose mean is not yet precise (95% CI half-width
/// above 0.10 points) get more seeds, one lesson run at a time, while a run of their lesson — timed from this reproduction's
/// own finished runs, never guessed — still fits in the budget. Cheap lessons (the relu LeNet's) so get the most seeds.
/// </summary>
internal static class PrecisionSeeds
{
    public const double TargetHalfWidth = 0.0010;

    /// <summary>The next lesson runs to start: per lesson with an imprecise tutorial, its next seed, if it fits.</summary>
    /// <param name="lessonSeconds">A lesson's mean run time so far, or absent when none has finished.</param>
    /// <param name="busy">(lesson, seed) runs already running or queued, never planned twice.</param>
    public static List<LessonJob> Next(ReproductionFile file, IReadOnlyList<Tutorial> tutorials, IReadOnlyDictionary<string, double> lessonSeconds,
                                       double secondsLeft, IReadOnlyCollection<LessonJob> busy)
    {
        var summary = file.Summary;
        var jobs = new List<LessonJob>();
        foreach (var lesson in tutorials.GroupBy(t => t.Lesson))
        {
            if (busy.Any(j => j.Lesson == lesson.Key)) continue; // one extra run of a lesson at a time: its result decides the next
            var imprecise = lesson.Where(t => summary.FirstOrDefault(s => s.TutorialId == t.Id) is { } s
                                              && !(s.Accuracy.ConfidenceHalfWidth <= TargetHalfWidth)).ToList();
            if (imprecise.Count == 0 || !lessonSeconds.TryGetValue(lesson.Key, out var seconds) || seconds > secondsLeft) continue;
            int next = file.Runs.Where(r => lesson.Any(t => t.Id == r.Tutorial)).Select(r => r.Seed).DefaultIfEmpty(-1).Max() + 1;
            jobs.Add(new LessonJob(lesson.Key, next, imprecise));
        }
        return jobs;
    }
}
