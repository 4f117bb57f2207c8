namespace MnistCourse.Launcher.Grading;

/// <summary>What the gradebook says of one exercise of one learner.</summary>
internal enum Mark
{
    /// <summary>The check passed (and, for a coding exercise, so did its hidden inputs).</summary>
    Solved,
    Wrong,
    NotAnswered,
    /// <summary>The learner's code threw or did not finish in the check's time limit.</summary>
    Error,
    /// <summary>Right on the inputs the notebook shows, wrong on inputs the learner never saw: the answer is special-cased.</summary>
    HiddenFailed,
    /// <summary>No check record: the notebook is missing, failed before the exercise, or its check call was removed.</summary>
    Missing,
}

internal static class Marks
{
    /// <summary>The word grades.csv writes: solved, wrong, not_answered, error, hidden_failed, missing.</summary>
    public static string Word(this Mark mark) => mark switch
    {
        Mark.NotAnswered => "not_answered",
        Mark.HiddenFailed => "hidden_failed",
        _ => mark.ToString().ToLowerInvariant(),
    };

    /// <summary>The mark a check's record gives: its status, except that a solved check whose hidden cases failed is not solved.</summary>
    public static Mark From(CheckRecord record) => record.Status switch
    {
        CheckStatus.Solved => record.Hidden == HiddenCases.Failed ? Mark.HiddenFailed : Mark.Solved,
        CheckStatus.Wrong => Mark.Wrong,
        CheckStatus.NotAnswered => Mark.NotAnswered,
        _ => Mark.Error,
    };
}
