using System.Text.Json;
using System.Text.Json.Serialization;

namespace MnistCourse.Reporting;

/// <summary>
/// What a lesson measured against its tutorial: one line of a lesson's report, and one row of results.json's
/// "tutorials" (where `./course run` adds which notebook, which kind of run and when).
/// </summary>
public sealed record LessonResult(
    string Tutorial, string Title, double PublishedAccuracy, double Floor, double TestAccuracy, double TestLoss,
    int Epochs, int PublishedEpochs, long TrainImages, double TrainSeconds,
    [property: JsonPropertyName("ms_per_step")] double MillisecondsPerStep,
    double? ReferenceLow, double? ReferenceHigh, int Seed = 0)
{
    // The next three are in results.json only.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notebook { get; init; }

    /// <summary>A quick run (fewer epochs and images) rather than the tutorial's full one.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Quick { get; init; }

    /// <summary>When it was measured, ISO 8601 UTC.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MeasuredUtc { get; init; }

    /// <summary>The run had the tutorial's full length and data, so its accuracy can be compared with the published one.</summary>
    public bool FullRun => Epochs == PublishedEpochs;

    [JsonPropertyName("within_0_15_points")]
    public bool WithinTolerance => Math.Abs(TestAccuracy - PublishedAccuracy) <= 0.0015 + 1e-12;

    public bool ReachesFloor => TestAccuracy >= Floor;

    /// <summary>The verdict column of the reproduction table, as `./course run` prints it and the site shows it.</summary>
    [JsonIgnore]
    public string Verdict => !FullRun ? "short run" : ReachesFloor ? (WithinTolerance ? "✓ within 0.15 pts" : "✓ reaches floor") : "✗ below floor";

    // A field's name is its property's in snake_case unless one is given (this, ResultsFile's NotebookRun, reproduction.json).
    // A run that trained no step has no ms/step (NaN): written as "NaN" rather than failing the lesson's last cell.
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LessonResult FromJson(string json) =>
        JsonSerializer.Deserialize<LessonResult>(json, Json) ?? throw new InvalidDataException("empty lesson result.");

    public override string ToString()
    {
        var line = $"{Title}: test accuracy {TestAccuracy:0.0000} (loss {TestLoss:0.0000}) after {Epochs} epoch{(Epochs == 1 ? "" : "s")}, {TrainSeconds:0.#} s of training, seed {Seed}; " +
                   $"published {PublishedAccuracy:0.0000}";
        if (ReferenceLow is { } lo && ReferenceHigh is { } hi) line += $", reference band {lo:0.0000}–{hi:0.0000}";
        return line + (FullRun
            ? (ReachesFloor ? $" — reaches the floor {Floor:0.0000}" : $" — BELOW the floor {Floor:0.0000}")
            : $" — a short run ({Epochs} of {PublishedEpochs} epochs): not comparable with the published figure");
    }
}
