namespace MnistCourse.Exercises;

/// <summary>
/// What an exercise's check found: solved and why, or what is wrong with a hint. A result that is not solved never
/// contains the expected answer: the learner should still have something to work out. <see cref="HintKind"/> names
/// the kind of mistake in a word a grader can count (<c>missing-flip</c>, <c>off-by-one</c>, <c>exception</c>…).
/// </summary>
public sealed record CheckResult(CheckStatus Status, string Message, string? HintKind = null)
{
    public bool Passed => Status == CheckStatus.Solved;

    public static CheckResult Right(string why) => new(CheckStatus.Solved, why);
    public static CheckResult Wrong(string hint, string kind = "wrong") => new(CheckStatus.Wrong, hint, kind);
    public static CheckResult NotAnswered(string hint) => new(CheckStatus.NotAnswered, "not answered yet: " + hint, "not-answered");
    public static CheckResult Error(string hint, string kind = "exception") => new(CheckStatus.Error, hint, kind);

    /// <summary>One line, as the notebook prints it: <c>✓ …</c> or <c>✗ …</c>.</summary>
    public override string ToString() => (Passed ? "✓ " : "✗ ") + Message;
}
