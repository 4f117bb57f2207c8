using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Reproduction;

/// <summary>
/// `./course reproduce merge FILES…`: the slices' reproduction files as one. A (tutorial, seed) run found twice with the same
/// figures is a duplicate (named, kept once); with other figures a conflict (named; nothing is written, since which one is
/// right cannot be told from the files). Quick and full runs never mix; slices that ran other torch thread counts are named,
/// as their seeds are other draws.
/// </summary>
internal static class ReproductionMerge
{
    public sealed record Outcome(ReproductionFile? Merged, IReadOnlyList<string> Duplicates, IReadOnlyList<string> Conflicts, IReadOnlyList<string> Notes);

    public static Outcome Merge(IReadOnlyList<(string Path, ReproductionFile File)> slices)
    {
        if (slices.Count == 0) throw new ArgumentException("merge needs at least one reproduction file.");
        var conflicts = new List<string>();
        var notes = new List<string>();
        if (slices.Select(s => s.File.Quick).Distinct().Count() > 1)
            conflicts.Add($"quick and full runs cannot be merged: quick in {Names(slices.Where(s => s.File.Quick))}, full in {Names(slices.Where(s => !s.File.Quick))}");
        if (slices.Select(s => s.File.ThreadsPerRun).Distinct().Count() > 1)
            notes.Add("the slices ran with different torch threads per run (" +
                      string.Join(", ", slices.Select(s => $"{s.File.ThreadsPerRun} in {Path.GetFileName(s.Path)}")) + "): their seeds are other draws, not repeats");

        var duplicates = new List<string>();
        List<SeedRun> Combine(Func<ReproductionFile, IReadOnlyList<SeedRun>?> runsOf, string what)
        {
            var kept = new List<SeedRun>();
            foreach (var group in slices.SelectMany(s => (runsOf(s.File) ?? []).Select(r => (s.Path, Run: r))).GroupBy(x => (x.Run.Tutorial, x.Run.Seed)))
            {
                var first = group.First();
                var where = string.Join(", ", group.Select(x => Path.GetFileName(x.Path)));
                if (group.Any(x => x.Run.TestAccuracy != first.Run.TestAccuracy || x.Run.TestLoss != first.Run.TestLoss))
                    conflicts.Add($"{what}{group.Key.Tutorial} seed {group.Key.Seed} differs between {where} (" +
                                  string.Join(" vs ", group.Select(x => $"{x.Run.TestAccuracy:0.0000}")) + ")");
                else if (group.Count() > 1)
                    duplicates.Add($"{what}{group.Key.Tutorial} seed {group.Key.Seed} is in {where} with the same figures (kept once)");
                kept.Add(first.Run);
            }
            return kept;
        }
        var runs = Combine(f => f.Runs, "");
        var reference = Combine(f => f.ReferenceRuns, "reference ");
        if (conflicts.Count > 0) return new(null, duplicates, conflicts, notes);

        var firstFile = slices[0].File;
        var merged = new ReproductionFile(firstFile.Quick, slices.Max(s => s.File.ParallelRuns), firstFile.ThreadsPerRun,
            slices.Min(s => s.File.StartedUtc)!, [.. runs.OrderBy(r => r.Tutorial).ThenBy(r => r.Seed)],
            reference.Count == 0 ? null : [.. reference.OrderBy(r => r.Tutorial).ThenBy(r => r.Seed)]);
        return new(merged, duplicates, conflicts, notes);
    }

    private static string Names(IEnumerable<(string Path, ReproductionFile File)> slices) => string.Join(", ", slices.Select(s => Path.GetFileName(s.Path)));
}
