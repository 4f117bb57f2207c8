using System.Net;
using System.Text;

namespace MnistCourse.Launcher.Grading;

/// <summary>
/// grades.html: a page that works offline (no script, no external file): each exercise's success rate across the class
/// as an SVG bar chart, then every learner's row with its marks, points and reason. Every string that comes from a
/// learner (names, error messages) is HTML-escaped.
/// </summary>
internal static class GradebookPage
{
    public const string FileName = "grades.html";

    private static readonly Dictionary<Mark, string> Colours = new()
    {
        [Mark.Solved] = "#cdeccd", [Mark.Wrong] = "#f6d2d2", [Mark.NotAnswered] = "#eeeeee",
        [Mark.Error] = "#f3c08a", [Mark.HiddenFailed] = "#e9b3e9", [Mark.Missing] = "#ffffff",
    };

    public static string Render(Gradebook book, string title)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
            table { border-collapse: collapse; font-size: 14px; }
            th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
            td.reason { max-width: 40em; font-size: 12px; }
            {{string.Concat(Colours.Select(c => $"td.{c.Key.Word()} {{ background: {c.Value}; }}\n"))}}
            </style></head><body>
            <h1>{{E(title)}}</h1>
            <p>{{book.Rows.Count}} learners, {{book.MaxPoints}} exercises; one point per exercise solved (a coding exercise also on inputs the learner never saw).</p>
            <h2>Success rate per exercise</h2>

            """);
        html.Append(Chart(book));
        html.Append("<h2>Learners</h2>\n<table>\n<tr><th>learner</th>");
        foreach (var column in book.Columns) html.Append($"<th>{E(column)}</th>");
        html.Append("<th>points</th><th>reason</th></tr>\n");
        foreach (var row in book.Rows)
        {
            html.Append($"<tr><td>{E(row.Learner)}</td>");
            foreach (var column in book.Columns)
            {
                var mark = row.MarkOf(column).Word();
                html.Append($"<td class=\"{mark}\">{mark.Replace('_', ' ')}</td>");
            }
            html.Append($"<td>{row.Points} / {book.MaxPoints}</td><td class=\"reason\">{E(row.Reason)}</td></tr>\n");
        }
        html.Append("</table>\n</body></html>\n");
        return html.ToString();
    }

    /// <summary>Horizontal bars, one per exercise: its share of the class that solved it.</summary>
    private static string Chart(Gradebook book)
    {
        const int label = 200, width = 400, bar = 18, gap = 6;
        var height = book.Columns.Count * (bar + gap) + gap;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{label + width + 60}\" height=\"{height}\" role=\"img\" aria-label=\"success rate per exercise\">\n");
        for (var i = 0; i < book.Columns.Count; i++)
        {
            var column = book.Columns[i];
            var rate = book.SuccessRate(column);
            var y = gap + i * (bar + gap);
            svg.Append($"<text x=\"{label - 8}\" y=\"{y + bar - 5}\" text-anchor=\"end\" font-size=\"13\">{E(column)}</text>");
            svg.Append($"<rect x=\"{label}\" y=\"{y}\" width=\"{width}\" height=\"{bar}\" fill=\"#eee\"/>");
            svg.Append($"<rect x=\"{label}\" y=\"{y}\" width=\"{Math.Round(rate * width)}\" height=\"{bar}\" fill=\"#4a8\"><title>{E(column)}: {rate * 100:0}%</title></rect>");
            svg.Append($"<text x=\"{label + width + 6}\" y=\"{y + bar - 5}\" font-size=\"13\">{rate * 100:0}%</text>\n");
        }
        return svg.Append("</svg>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
