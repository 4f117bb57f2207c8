using System.Text.Json;
using System.Text.Json.Serialization;

namespace MnistCourse.Reporting;

// A field's name in the file is its property's in snake_case (LessonResult's options, below), unless one is given.

/// <summary>One full training of a tutorial at one seed, as `./course reproduce` records it.</summary>
public sealed record SeedRun(string Tutorial, int Seed, bool Quick, double TestAccuracy, double TestLoss, int Epochs,
                             double TrainSeconds, string Notebook, string FinishedUtc);

/// <summary>
/// A tutorial's seeds summarised: accuracy and loss statistics, mean training time, and the verdict; with
/// `--with-reference`, the Keras-faithful port's accuracies on the same seeds and the equivalence test of the two.
/// </summary>
public sealed record TutorialReproduction(
    [property: JsonPropertyName("tutorial")] string TutorialId, string Title,
    [property: JsonPropertyName("published_accuracy")] double Published, double? ReferenceLow, double? ReferenceHigh,
    IReadOnlyList<int> Seeds, IReadOnlyList<double> Accuracies, SeedStatistics Accuracy, SeedStatistics Loss,
    double MeanTrainSeconds, ReproductionVerdict Verdict,
    IReadOnlyList<int>? ReferenceSeeds = null, IReadOnlyList<double>? ReferenceAccuracies = null, EquivalenceTest? Equivalence = null);

/// <summary>
/// artifacts/reproduction.json: every seed run of `./course reproduce` and a summary per tutorial, rewritten atomically after
/// each run so an interrupted reproduction keeps what it measured (`--resume` finishes it). Lesson 4 and the site draw it.
/// </summary>
/// <param name="ReferenceRuns">The same seeds through the Keras-faithful PyTorch port (tools/Reference), with --with-reference; else null.</param>
/// <example><code>var seeds = ReproductionFile.TryLoad(); // null until ./course reproduce has run</code></example>
public sealed record ReproductionFile(
    bool Quick, int ParallelRuns, [property: JsonPropertyName("torch_threads_per_run")] int ThreadsPerRun, string StartedUtc, IReadOnlyList<SeedRun> Runs,
    IReadOnlyList<SeedRun>? ReferenceRuns = null)
{
    public const string FileName = "reproduction.json";

    /// <summary>Per tutorial, in the course's order, the summary of its runs (recomputed from the runs, never stored alone).</summary>
    public IReadOnlyList<TutorialReproduction> Summary => Tutorial.All
        .Select(t => (t, runs: Runs.Where(r => r.Tutorial == t.Id).OrderBy(r => r.Seed).ToList()))
        .Where(x => x.runs.Count > 0)
        .Select(x =>
        {
            var accuracies = x.runs.Select(r => r.TestAccuracy).ToList();
            var accuracy = SeedStatistics.Of(accuracies);
            var reference = (ReferenceRuns ?? []).Where(r => r.Tutorial == x.t.Id).OrderBy(r => r.Seed).ToList();
            var referenceAccuracies = reference.Select(r => r.TestAccuracy).ToList();
            return new TutorialReproduction(x.t.Id, x.t.Title, x.t.Published, x.t.ReferenceBand?.Low, x.t.ReferenceBand?.High,
                x.runs.Select(r => r.Seed).ToList(), accuracies, accuracy,
                SeedStatistics.Of(x.runs.Select(r => r.TestLoss).ToList()), x.runs.Average(r => r.TrainSeconds),
                ReproductionVerdict.Judge(x.t.Published, accuracy, Quick),
                reference.Count == 0 ? null : reference.Select(r => r.Seed).ToList(), reference.Count == 0 ? null : referenceAccuracies,
                accuracies.Count >= 2 && referenceAccuracies.Count >= 2 ? EquivalenceTest.Of(accuracies, referenceAccuracies) : null);
        }).ToList();

    /// <summary>This file with <paramref name="run"/> added (replacing an earlier run of the same tutorial and seed).</summary>
    public ReproductionFile With(SeedRun run) => this with { Runs = Replace(Runs, run) };

    /// <summary>This file with a run of the Keras-faithful reference added (replacing an earlier one of the same tutorial and seed).</summary>
    public ReproductionFile WithReference(SeedRun run) => this with { ReferenceRuns = Replace(ReferenceRuns ?? [], run) };

    private static IReadOnlyList<SeedRun> Replace(IReadOnlyList<SeedRun> runs, SeedRun run) =>
        [.. runs.Where(r => r.Tutorial != run.Tutorial || r.Seed != run.Seed), run];

    private static readonly JsonSerializerOptions Json = new(LessonResult.Json) { WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a reproduction file; the message names the file and the fix when it is not one.</summary>
    public static ReproductionFile Load(string path)
    {
        const string Fix = "move it aside and run ./course reproduce again";
        try
        {
            var file = JsonSerializer.Deserialize<ReproductionFile>(File.ReadAllText(path), Json);
            return file?.Runs is not null ? file : throw new InvalidDataException($"{path} has no \"runs\" list; {Fix}.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a reproduction file ({e.Message}); {Fix}.", e);
        }
    }

    /// <summary>The course's artifacts/reproduction.json (found from the current folder), or null before any reproduction.</summary>
    public static ReproductionFile? TryLoad(string? path = null)
    {
        path ??= CoursePaths.FindRoot() is { } root ? Path.Combine(CoursePaths.Artifacts(root), FileName) : null;
        return path is not null && File.Exists(path) ? Load(path) : null;
    }
}
