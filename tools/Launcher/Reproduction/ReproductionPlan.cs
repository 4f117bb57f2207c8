using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Reproduction;

/// <summary>One runner process: a lesson at a seed, measuring the tutorials it trains that were asked for.</summary>
internal sealed record LessonJob(string Lesson, int Seed, IReadOnlyList<Tutorial> Tutorials)
{
    public string Name(bool quick) => $"{Lesson}-seed{Seed}{(quick ? "-quick" : "")}";
}

/// <summary>Which lesson runs a reproduction needs: seed by seed, lesson by lesson, in a fixed order (shards slice that order).</summary>
internal static class ReproductionPlan
{
    /// <summary>Every (lesson, seed) run of the request, done or not, in the order shards are cut from.</summary>
    public static List<LessonJob> All(int seeds, IReadOnlyList<Tutorial> tutorials) =>
        Enumerable.Range(0, seeds)
            .SelectMany(seed => tutorials.GroupBy(t => t.Lesson).Select(g => new LessonJob(g.Key, seed, g.ToList())))
            .ToList();

    /// <summary>This shard's runs still missing a result of one of their tutorials in <paramref name="file"/>.</summary>
    public static List<LessonJob> ToDo(int seeds, IReadOnlyList<Tutorial> tutorials, Shard shard, ReproductionFile file) =>
        shard.Select(All(seeds, tutorials))
            .Where(job => job.Tutorials.Any(t => !file.Runs.Any(r => r.Tutorial == t.Id && r.Seed == job.Seed)))
            .ToList();
}
