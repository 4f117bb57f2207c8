using System.Globalization;
using System.Net;
using System.Text;
using MnistCourse.Notebooks.Format;

namespace MnistCourse.Site;

/// <summary>One executed notebook as the body of a lesson page.</summary>
internal static class LessonPage
{
    public sealed record Rendered(string Body, int Charts, int Images, int Errors, int CodeCells, string? PlotlyJs);

    public sealed record Neighbours(SitePage? Previous, SitePage? Next);

    public static string TitleOf(Notebook notebook, string fallback)
    {
        foreach (var cell in notebook.Cells.Where(c => c.Type == CellType.Markdown))
            if (MarkdownRenderer.FirstHeading(cell.Source) is { } heading) return heading;
        return fallback;
    }

    public static Rendered Render(Notebook notebook, SitePage page, bool quick, Neighbours neighbours, Func<string, string?> rewriteLink)
    {
        var outputs = new OutputRenderer();
        var body = new StringBuilder();
        body.Append(Nav(neighbours));
        if (quick)
            body.Append("<p class=\"note quick\"><strong>Quick run.</strong> These outputs come from <code>./course run --quick</code> (fewer epochs and images): " +
                        "they show that every cell runs; the accuracies are not comparable with the published ones.</p>\n");
        if (page.Run is { } run)
            body.Append($"<p class=\"run-facts\">This page shows the {WebUtility.HtmlEncode(run.Describe())}.</p>\n");
        if (!page.Passed)
            body.Append($"<p class=\"note failed\"><strong>This lesson did not finish</strong> (runner exit {page.ExitCode}): the outputs below stop where it failed.</p>\n");

        var codeCells = 0;
        var index = 0;
        foreach (var cell in notebook.Cells)
        {
            index++;
            switch (cell.Type)
            {
                case CellType.Markdown:
                    body.Append($"<section class=\"cell markdown\" id=\"cell-{index}\">\n{MarkdownRenderer.ToHtml(cell.Source, cell.Json["attachments"] as System.Text.Json.Nodes.JsonObject, rewriteLink)}</section>\n");
                    break;
                case CellType.Raw:
                    body.Append($"<section class=\"cell raw\" id=\"cell-{index}\"><pre>{WebUtility.HtmlEncode(cell.Source)}</pre></section>\n");
                    break;
                default:
                {
                    codeCells++;
                    var language = CellLanguage.Resolve(notebook, cell);
                    var count = cell.ExecutionCount;
                    var prompt = $"In [{(count is { } n ? n.ToString(CultureInfo.InvariantCulture) : " ")}]:";
                    var tags = cell.Tags.Where(t => t is "parameters" or "injected-parameters").ToList();
                    var tagHtml = tags.Count == 0 ? "" : "<div class=\"tags\">" + string.Concat(tags.Select(t =>
                        $"<span class=\"tag\">{(t == "injected-parameters" ? "parameters injected for this run" : "parameters")}</span>")) + "</div>";
                    var rendered = outputs.Render(cell.Outputs, count);
                    body.Append($"<section class=\"cell code\" id=\"cell-{index}\">\n<div class=\"prompt in\">{prompt}</div>\n<div class=\"cell-body\">{tagHtml}" +
                                $"{CodeHighlighter.Block(cell.Source, language)}\n" +
                                (rendered.Length > 0 ? $"<div class=\"outputs\">\n{rendered}</div>\n" : "") +
                                "</div>\n</section>\n");
                    break;
                }
            }
        }
        body.Append(Nav(neighbours));
        return new Rendered(body.ToString(), outputs.Charts, outputs.Images, outputs.Errors, codeCells, outputs.PlotlyJs);
    }

    private static string Nav(Neighbours n)
    {
        static string Link(SitePage? p, string rel, string arrowLeft, string arrowRight) => p is null
            ? $"<span class=\"{rel} none\"></span>"
            : $"<a class=\"{rel}\" rel=\"{rel}\" href=\"{p.File}\">{arrowLeft}{WebUtility.HtmlEncode(p.Title)}{arrowRight}</a>";
        return $"<nav class=\"lesson-nav\">{Link(n.Previous, "prev", "← ", "")}<a class=\"up\" href=\"index.html\">All lessons</a>{Link(n.Next, "next", "", " →")}</nav>\n";
    }
}
