using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MnistCourse.NotebookFormat;

namespace MnistCourse.Site;

/// <summary>One executed notebook as the body of a lesson page.</summary>
internal static class LessonPage
{
    public static string TitleOf(Notebook notebook, string fallback) => notebook.Cells
        .Where(c => c.Type == CellType.Markdown)
        .Select(c => MarkdownRenderer.FirstHeading(c.Source))
        .FirstOrDefault(heading => heading is not null) ?? fallback;

    /// <summary>The page's body, and the page with its chart and image counts.</summary>
    public static (string Body, SitePage Page) Render(Notebook notebook, SitePage page, SitePage? previous, SitePage? next,
                                                                         Func<string, string?> rewriteLink)
    {
        var outputs = new OutputRenderer();
        var body = new StringBuilder();
        var nav = $"<nav class=\"lesson-nav\">{Link(previous, "prev", "← ", "")}<a class=\"up\" href=\"index.html\">All lessons</a>{Link(next, "next", "", " →")}</nav>\n";
        body.Append(nav);
        if (page.Run.Quick)
            body.Append("<p class=\"note quick\"><strong>Quick run.</strong> These outputs come from <code>./course run --quick</code> (fewer epochs and images): " +
                        "they show that every cell runs; the accuracies are not comparable with the published ones.</p>\n");
        body.Append($"<p class=\"run-facts\">This page shows the {WebUtility.HtmlEncode(page.Run.Describe())}.</p>\n");
        if (!page.Run.Passed)
            body.Append($"<p class=\"note failed\"><strong>This lesson did not finish</strong> (runner exit {page.Run.ExitCode}): the outputs below stop where it failed.</p>\n");

        for (var index = 1; index <= notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index - 1];
            switch (cell.Type)
            {
                case CellType.Markdown:
                    body.Append($"<section class=\"cell markdown\" id=\"cell-{index}\">\n{MarkdownRenderer.ToHtml(cell.Source, cell.Json["attachments"] as JsonObject, rewriteLink)}</section>\n");
                    break;
                case CellType.Raw:
                    body.Append($"<section class=\"cell raw\" id=\"cell-{index}\"><pre>{WebUtility.HtmlEncode(cell.Source)}</pre></section>\n");
                    break;
                default:
                {
                    var count = cell.ExecutionCount is { } n ? n.ToString(CultureInfo.InvariantCulture) : " ";
                    var tags = string.Concat(cell.Tags.Where(t => t is "parameters" or "injected-parameters").Select(t =>
                        $"<span class=\"tag\">{(t == "injected-parameters" ? "parameters injected for this run" : "parameters")}</span>"));
                    var rendered = outputs.Render(cell.Outputs, count);
                    body.Append($"<section class=\"cell code\" id=\"cell-{index}\">\n<div class=\"prompt in\">In [{count}]:</div>\n<div class=\"cell-body\">" +
                                (tags.Length == 0 ? "" : $"<div class=\"tags\">{tags}</div>") +
                                $"{CodeHighlighter.Block(cell.Source, CellLanguage.Resolve(notebook, cell))}\n" +
                                (rendered.Length > 0 ? $"<div class=\"outputs\">\n{rendered}</div>\n" : "") +
                                "</div>\n</section>\n");
                    break;
                }
            }
        }
        body.Append(nav);
        return (body.ToString(), page with { Charts = outputs.Charts, Images = outputs.Images });
    }

    private static string Link(SitePage? page, string rel, string arrowLeft, string arrowRight) => page is null
        ? $"<span class=\"{rel} none\"></span>"
        : $"<a class=\"{rel}\" rel=\"{rel}\" href=\"{page.Href}\">{arrowLeft}{WebUtility.HtmlEncode(page.Title)}{arrowRight}</a>";
}
