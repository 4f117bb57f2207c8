using System.Text;

namespace MnistCourse.Launcher.Grading;

/// <summary>
/// grades.csv: <c>learner</c>, one column per exercise (solved, wrong, not_answered, error, hidden_failed, missing),
/// <c>points</c>, <c>max_points</c> and <c>reason</c>. RFC 4180 quoting; a learner-supplied field that a spreadsheet
/// would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
/// </summary>
internal static class GradebookCsv
{
    public const string FileName = "grades.csv";

    public static string Render(Gradebook book)
    {
        var csv = new StringBuilder();
        void Row(IEnumerable<string> fields) => csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");
        Row(["learner", .. book.Columns, "points", "max_points", "reason"]);
        foreach (var row in book.Rows)
            Row([row.Learner, .. book.Columns.Select(c => row.MarkOf(c).Word()), row.Points.ToString(), book.MaxPoints.ToString(), row.Reason]);
        return csv.ToString();
    }

    internal static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
