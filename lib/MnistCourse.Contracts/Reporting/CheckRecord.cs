using System.Text.Json;
using System.Text.Json.Serialization;

namespace MnistCourse.Reporting;

/// <summary>What an exercise's check found, as a grader reads it.</summary>
public enum CheckStatus
{
    /// <summary>The answer (or the learner's code) is right.</summary>
    Solved,
    /// <summary>An answer was given and it is wrong.</summary>
    Wrong,
    /// <summary>The starter was left as it was.</summary>
    NotAnswered,
    /// <summary>The learner's code threw, or did not finish in time.</summary>
    Error,
}

/// <summary>
/// The machine-readable twin of an exercise check's printed line: emitted beside it as a display output of
/// <see cref="MimeType"/>, which front ends do not show (they show the text/plain line) and a grader reads from the
/// executed notebook. <see cref="Check"/> is the check's name (e.g. <c>OutputSide</c>); the exercise is the cell's
/// <c>metadata.mnistcourse.exercise</c>. <see cref="Hidden"/> says whether the check also ran on inputs the learner
/// never saw (at grading time) and whether they passed.
/// </summary>
public sealed record CheckRecord(
    string Check,
    CheckStatus Status,
    string? HintKind,
    HiddenCases Hidden = HiddenCases.NotRun)
{
    public const string MimeType = "application/vnd.mnistcourse.check+json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },   // "not_answered", "not_run"
    };

    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static CheckRecord? FromJson(string json) => JsonSerializer.Deserialize<CheckRecord>(json, Options);
}

/// <summary>Whether a check ran its hidden inputs (grading only) and how they went.</summary>
public enum HiddenCases
{
    NotRun,
    Passed,
    Failed,
}
