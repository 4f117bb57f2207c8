using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MnistCourse.Reporting;

/// <summary>One row of results.json "notebooks": a lesson the latest run of it executed, and what kind of run that was.</summary>
public sealed record NotebookRun(string Notebook, string Executed, bool Passed, int ExitCode, double Seconds,
                                 bool Quick = false, int Seed = 0, string? FinishedUtc = null)
{
    /// <summary>"full run, seed 0, 2026-11-29 16:20 UTC": which run an executed copy shows.</summary>
    public string Describe() =>
        $"{(Quick ? "quick run" : "full run")}, seed {Seed}" +
        (DateTime.TryParse(FinishedUtc, null, System.Globalization.DateTimeStyles.RoundtripKind, out var t) ? $", {t.ToUniversalTime():yyyy-MM-dd HH:mm} UTC" : "");

    /// <summary>The lesson's name: the notebook's file name without ".ipynb" ("02-keras-convnet").</summary>
    [JsonIgnore]
    public string Lesson => Path.GetFileNameWithoutExtension(Executed.Length > 0 ? Executed : Notebook);
}

/// <summary>
/// artifacts/results.json: the latest run of each lesson, and each tutorial's latest result per kind of run (full or
/// quick, seed). `./course run` writes it with <see cref="Record"/>, which replaces only what that run measured (a
/// one-lesson quick run after a full run keeps the full run's figures); the site reads it with <see cref="Load"/>.
/// </summary>
public sealed record ResultsFile(string? GeneratedUtc, bool Quick, IReadOnlyList<LessonResult> Tutorials, IReadOnlyList<NotebookRun> Notebooks)
{
    public const string FileName = "results.json";

    /// <summary>
    /// Merges one run into <paramref name="path"/> atomically: its lessons replace their earlier entries, its
    /// tutorial results replace those of the same tutorial, kind and seed; everything else is kept. An unreadable
    /// earlier file is moved aside to results.json.corrupt, not lost.
    /// </summary>
    public static void Record(string path, bool quick, int seed, IReadOnlyList<NotebookRun> notebooks, IReadOnlyList<LessonResult> tutorials)
    {
        var now = DateTime.UtcNow.ToString("O");
        ResultsFile? earlier = null;
        if (File.Exists(path))
        {
            try { earlier = Load(path); }
            catch (InvalidDataException) { AtomicFile.MoveAside(path); }
        }

        var newLessons = notebooks.Select(n => n.Notebook).ToHashSet();
        var keptNotebooks = (earlier?.Notebooks ?? []).Where(n => !newLessons.Contains(n.Notebook));
        var newKeys = tutorials.Select(t => (t.Tutorial, quick, seed)).ToHashSet();
        var keptTutorials = (earlier?.Tutorials ?? []).Where(t => !newKeys.Contains((t.Tutorial, t.Quick ?? false, t.Seed)));

        var merged = new JsonObject
        {
            ["generated_utc"] = now,
            ["notebooks"] = JsonSerializer.SerializeToNode(keptNotebooks
                .Concat(notebooks.Select(n => n with { Quick = quick, Seed = seed, FinishedUtc = now }))
                .OrderBy(n => n.Notebook, StringComparer.Ordinal).ToList(), LessonResult.Json),
            ["tutorials"] = JsonSerializer.SerializeToNode(keptTutorials
                .Concat(tutorials.Select(t => t with { Quick = quick, Seed = seed, MeasuredUtc = now }))
                .OrderBy(t => t.Notebook, StringComparer.Ordinal).ThenBy(t => t.Quick).ThenBy(t => t.Seed).ToList(), LessonResult.Json),
        };
        AtomicFile.WriteAllText(path, merged.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Reads results.json; every problem is an <see cref="InvalidDataException"/> that names the file and the fix.</summary>
    public static ResultsFile Load(string path)
    {
        const string Fix = "Run ./course run --quick again to rewrite it.";
        if (!File.Exists(path))
            throw new InvalidDataException($"{path} not found: the site is made from an executed run. Run ./course run --quick first (or ./course run), then ./course site.");
        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is not JsonObject root || root["notebooks"] is not JsonArray notebooks)
                throw new InvalidDataException($"{path} has no \"notebooks\" list. {Fix}");
            // Files from before per-lesson bookkeeping carry one top-level "quick" and "generated_utc" for every row.
            var generated = root["generated_utc"]?.GetValue<string>();
            var allQuick = root["quick"]?.GetValue<bool>() ?? false;
            var tutorials = (root["tutorials"]?.Deserialize<List<LessonResult>>(LessonResult.Json) ?? [])
                .Select(t => t with { Quick = t.Quick ?? allQuick, MeasuredUtc = t.MeasuredUtc ?? generated }).ToList();
            var runs = notebooks.OfType<JsonObject>()
                .Select(n => n.Deserialize<NotebookRun>(LessonResult.Json)! with { Quick = n["quick"]?.GetValue<bool>() ?? allQuick })
                .Select(r => r with { FinishedUtc = r.FinishedUtc ?? generated, Notebook = r.Notebook ?? "", Executed = r.Executed ?? "" })
                .Where(r => r.Notebook.Length > 0 || r.Executed.Length > 0).ToList();
            return new ResultsFile(generated, runs.Any(r => r.Quick), tutorials, runs);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid results JSON ({e.Message}). {Fix}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path} has a field of the wrong type ({e.Message}). {Fix}", e);
        }
    }
}
