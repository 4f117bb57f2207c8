using System.Text.Json;
using System.Text.Json.Nodes;

namespace MnistCourse.Site;

/// <summary>One row of results.json "tutorials": what a lesson measured against its tutorial.</summary>
public sealed record TutorialResult(
    string Id, string Title, double PublishedAccuracy, double Floor, double TestAccuracy, double TestLoss,
    int Epochs, int PublishedEpochs, long TrainImages, double TrainSeconds, double MillisecondsPerStep,
    double? ReferenceLow, double? ReferenceHigh, bool FullRun, bool WithinTolerance, bool ReachesFloor, string? Notebook,
    bool Quick = false, int Seed = 0, string? MeasuredUtc = null)
{
    /// <summary>The verdict column of the reproduction table, worded as `./course run` prints it.</summary>
    public string Verdict => !FullRun ? "short run" : ReachesFloor ? (WithinTolerance ? "✓ within 0.15 pts" : "✓ reaches floor") : "✗ below floor";
}

/// <summary>One row of results.json "notebooks": a lesson the latest run of it executed, and what kind of run that was.</summary>
public sealed record NotebookRun(string Notebook, string Executed, bool Passed, int ExitCode, double Seconds,
                                 bool Quick = false, int Seed = 0, string? FinishedUtc = null)
{
    /// <summary>"full run, seed 0, 2026-11-29 16:20 UTC": which run an executed copy shows.</summary>
    public string Describe() =>
        $"{(Quick ? "quick run" : "full run")}, seed {Seed}" +
        (DateTime.TryParse(FinishedUtc, null, System.Globalization.DateTimeStyles.RoundtripKind, out var t) ? $", {t.ToUniversalTime():yyyy-MM-dd HH:mm} UTC" : "");

    /// <summary>The lesson's name: the notebook's file name without ".ipynb" ("02-keras-convnet").</summary>
    public string Lesson => Path.GetFileNameWithoutExtension(Executed.Length > 0 ? Executed : Notebook);
}

/// <summary>
/// artifacts/results.json: the latest run of each lesson and each tutorial's latest result per kind of run (full or
/// quick, seed). `./course run` writes it through <see cref="Record"/>, which updates only what that run measured, so a
/// one-lesson quick run after a full run keeps the full run's figures; the site reads it with <see cref="Load"/>.
/// </summary>
public sealed record CourseResults(string? GeneratedUtc, bool Quick, IReadOnlyList<TutorialResult> Tutorials, IReadOnlyList<NotebookRun> Notebooks)
{
    public const string FileName = "results.json";

    /// <summary>
    /// Merges one run into <paramref name="path"/> atomically: its lessons replace their earlier entries, its tutorial
    /// results replace those of the same tutorial, kind and seed; everything else is kept. An unreadable earlier file is
    /// moved aside to results.json.corrupt, not lost.
    /// </summary>
    /// <param name="tutorials">The lessons' reports (lib's LessonResult as JSON), each with a "notebook" field.</param>
    public static void Record(string path, bool quick, int seed, IReadOnlyList<JsonObject> notebooks, IReadOnlyList<JsonObject> tutorials)
    {
        var now = DateTime.UtcNow.ToString("O");
        JsonObject? earlier = null;
        if (File.Exists(path))
        {
            try { earlier = JsonNode.Parse(File.ReadAllText(path)) as JsonObject; }
            catch (JsonException) { }
            if (earlier is null) File.Move(path, path + ".corrupt", overwrite: true);
        }
        bool EarlierQuick(JsonObject o) => Bool(o, "quick") ?? Bool(earlier!, "quick") ?? false;
        JsonObject Stamp(JsonObject o, string timeField)
        {
            var copy = (JsonObject)o.DeepClone();
            copy["quick"] = quick;
            copy["seed"] = seed;
            copy[timeField] = now;
            return copy;
        }
        JsonObject Keep(JsonObject o, string timeField)
        {
            var copy = (JsonObject)o.DeepClone();
            copy["quick"] = EarlierQuick(o);
            copy["seed"] ??= Num(earlier!, "seed") ?? 0;
            copy[timeField] ??= Str(earlier!, "generated_utc");
            return copy;
        }

        var newLessons = notebooks.Select(n => Str(n, "notebook")).ToHashSet();
        var keptNotebooks = (earlier?["notebooks"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(n => !newLessons.Contains(Str(n, "notebook"))).Select(n => Keep(n, "finished_utc"));
        var newKeys = tutorials.Select(t => (Str(t, "tutorial"), quick, seed)).ToHashSet();
        var keptTutorials = (earlier?["tutorials"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(t => Keep(t, "measured_utc"))
            .Where(t => !newKeys.Contains((Str(t, "tutorial"), Bool(t, "quick") ?? false, (int)(Num(t, "seed") ?? 0))));

        var merged = new JsonObject
        {
            ["generated_utc"] = now,
            ["notebooks"] = new JsonArray(keptNotebooks.Concat(notebooks.Select(n => Stamp(n, "finished_utc")))
                .OrderBy(n => Str(n, "notebook"), StringComparer.Ordinal).Select(n => (JsonNode)n).ToArray()),
            ["tutorials"] = new JsonArray(keptTutorials.Concat(tutorials.Select(t => Stamp(t, "measured_utc")))
                .OrderBy(t => Str(t, "notebook"), StringComparer.Ordinal).ThenBy(t => Bool(t, "quick") ?? false).ThenBy(t => Num(t, "seed"))
                .Select(t => (JsonNode)t).ToArray()),
        };
        MnistCourse.Notebooks.Format.AtomicFile.WriteAllText(path, merged.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public static CourseResults Load(string path)
    {
        if (!File.Exists(path))
            throw new SiteBuildException($"{path} not found: the site is made from an executed run. Run ./course run --quick first (or ./course run), then ./course site.");
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new SiteBuildException($"{path} is not valid JSON ({e.Message}). Run ./course run --quick again to rewrite it.");
        }
        if (root is not JsonObject obj || obj["notebooks"] is not JsonArray notebooks)
            throw new SiteBuildException($"{path} has no \"notebooks\" list. Run ./course run --quick again to rewrite it.");
        try
        {
            // Files from before per-lesson bookkeeping carry one top-level "quick" and "generated_utc" for every row.
            var generated = Str(obj, "generated_utc");
            bool anyQuick = Bool(obj, "quick") ?? false;
            var tutorials = (obj["tutorials"] as JsonArray ?? []).OfType<JsonObject>().Select(t => new TutorialResult(
                Id: Str(t, "tutorial") ?? "", Title: Str(t, "title") ?? Str(t, "tutorial") ?? "",
                PublishedAccuracy: Num(t, "published_accuracy") ?? double.NaN, Floor: Num(t, "floor") ?? double.NaN,
                TestAccuracy: Num(t, "test_accuracy") ?? double.NaN, TestLoss: Num(t, "test_loss") ?? double.NaN,
                Epochs: (int)(Num(t, "epochs") ?? 0), PublishedEpochs: (int)(Num(t, "published_epochs") ?? 0),
                TrainImages: (long)(Num(t, "train_images") ?? 0), TrainSeconds: Num(t, "train_seconds") ?? double.NaN,
                MillisecondsPerStep: Num(t, "ms_per_step") ?? double.NaN,
                ReferenceLow: Num(t, "reference_low"), ReferenceHigh: Num(t, "reference_high"),
                FullRun: Bool(t, "full_run") ?? false, WithinTolerance: Bool(t, "within_0_15_points") ?? false,
                ReachesFloor: Bool(t, "reaches_floor") ?? false, Notebook: Str(t, "notebook"),
                Quick: Bool(t, "quick") ?? anyQuick, Seed: (int)(Num(t, "seed") ?? 0), MeasuredUtc: Str(t, "measured_utc") ?? generated)).ToList();
            var runs = notebooks.OfType<JsonObject>().Select(n => new NotebookRun(
                Notebook: Str(n, "notebook") ?? "", Executed: Str(n, "executed") ?? "",
                Passed: Bool(n, "passed") ?? false, ExitCode: (int)(Num(n, "exit_code") ?? -1), Seconds: Num(n, "seconds") ?? double.NaN,
                Quick: Bool(n, "quick") ?? anyQuick, Seed: (int)(Num(n, "seed") ?? 0), FinishedUtc: Str(n, "finished_utc") ?? generated))
                .Where(r => r.Notebook.Length > 0 || r.Executed.Length > 0).ToList();
            return new CourseResults(generated, runs.Any(r => r.Quick), tutorials, runs);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new SiteBuildException($"{path} has a field of the wrong type ({e.Message}). Run ./course run --quick again to rewrite it.");
        }
    }

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    private static bool? Bool(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;
    private static double? Num(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
}
