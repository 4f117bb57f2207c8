using System.Text.Json;
using System.Text.Json.Nodes;

namespace MnistCourse.Site;

/// <summary>One row of results.json "tutorials": what a lesson measured against its tutorial.</summary>
public sealed record TutorialResult(
    string Id, string Title, double PublishedAccuracy, double Floor, double TestAccuracy, double TestLoss,
    int Epochs, int PublishedEpochs, long TrainImages, double TrainSeconds, double MillisecondsPerStep,
    double? ReferenceLow, double? ReferenceHigh, bool FullRun, bool WithinTolerance, bool ReachesFloor, string? Notebook)
{
    /// <summary>The verdict column of the reproduction table, worded as `./course run` prints it.</summary>
    public string Verdict => !FullRun ? "short run" : ReachesFloor ? (WithinTolerance ? "✓ within 0.15 pts" : "✓ reaches floor") : "✗ below floor";
}

/// <summary>One row of results.json "notebooks": a lesson the run executed.</summary>
public sealed record NotebookRun(string Notebook, string Executed, bool Passed, int ExitCode, double Seconds)
{
    /// <summary>The lesson's name: the notebook's file name without ".ipynb" ("02-keras-convnet").</summary>
    public string Lesson => Path.GetFileNameWithoutExtension(Executed.Length > 0 ? Executed : Notebook);
}

/// <summary>artifacts/results.json as `./course run` writes it.</summary>
public sealed record CourseResults(string? GeneratedUtc, bool Quick, IReadOnlyList<TutorialResult> Tutorials, IReadOnlyList<NotebookRun> Notebooks)
{
    public const string FileName = "results.json";

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
            var tutorials = (obj["tutorials"] as JsonArray ?? []).OfType<JsonObject>().Select(t => new TutorialResult(
                Id: Str(t, "tutorial") ?? "", Title: Str(t, "title") ?? Str(t, "tutorial") ?? "",
                PublishedAccuracy: Num(t, "published_accuracy") ?? double.NaN, Floor: Num(t, "floor") ?? double.NaN,
                TestAccuracy: Num(t, "test_accuracy") ?? double.NaN, TestLoss: Num(t, "test_loss") ?? double.NaN,
                Epochs: (int)(Num(t, "epochs") ?? 0), PublishedEpochs: (int)(Num(t, "published_epochs") ?? 0),
                TrainImages: (long)(Num(t, "train_images") ?? 0), TrainSeconds: Num(t, "train_seconds") ?? double.NaN,
                MillisecondsPerStep: Num(t, "ms_per_step") ?? double.NaN,
                ReferenceLow: Num(t, "reference_low"), ReferenceHigh: Num(t, "reference_high"),
                FullRun: Bool(t, "full_run") ?? false, WithinTolerance: Bool(t, "within_0_15_points") ?? false,
                ReachesFloor: Bool(t, "reaches_floor") ?? false, Notebook: Str(t, "notebook"))).ToList();
            var runs = notebooks.OfType<JsonObject>().Select(n => new NotebookRun(
                Notebook: Str(n, "notebook") ?? "", Executed: Str(n, "executed") ?? "",
                Passed: Bool(n, "passed") ?? false, ExitCode: (int)(Num(n, "exit_code") ?? -1), Seconds: Num(n, "seconds") ?? double.NaN))
                .Where(r => r.Notebook.Length > 0 || r.Executed.Length > 0).ToList();
            return new CourseResults(Str(obj, "generated_utc"), Bool(obj, "quick") ?? false, tutorials, runs);
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
