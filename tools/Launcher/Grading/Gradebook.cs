namespace MnistCourse.Launcher.Grading;

/// <summary>One learner's row: a mark per exercise column and why something could not be graded.</summary>
internal sealed record LearnerRow(string Learner, IReadOnlyDictionary<string, Mark> Marks, IReadOnlyList<string> Problems)
{
    public Mark MarkOf(string column) => Marks.GetValueOrDefault(column, Mark.Missing);

    /// <summary>One point per solved exercise (hidden cases included).</summary>
    public int Points => Marks.Values.Count(m => m == Mark.Solved);

    public string Reason => string.Join("; ", Problems);
}

/// <summary>The class's grades: one column per exercise (<c>lesson/exercise</c>), one row per learner.</summary>
internal sealed record Gradebook(IReadOnlyList<string> Columns, IReadOnlyList<LearnerRow> Rows)
{
    public int MaxPoints => Columns.Count;

    /// <summary>The share of learners who solved the exercise (0 for an empty class).</summary>
    public double SuccessRate(string column) => Rows.Count == 0 ? 0 : Rows.Count(r => r.MarkOf(column) == Mark.Solved) / (double)Rows.Count;
}
