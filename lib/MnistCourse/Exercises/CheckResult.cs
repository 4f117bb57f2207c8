namespace MnistCourse.Exercises;

/// <summary>
/// What an exercise's check found: passed and why, or what is wrong with a hint. A failed result never contains the
/// expected answer: the learner should still have something to work out.
/// </summary>
public sealed record CheckResult(bool Passed, string Message)
{
    public static CheckResult Right(string why) => new(true, why);
    public static CheckResult Wrong(string hint) => new(false, hint);

    /// <summary>One line, as the notebook prints it: <c>✓ …</c> or <c>✗ …</c>.</summary>
    public override string ToString() => (Passed ? "✓ " : "✗ ") + Message;
}
