using System.Globalization;

namespace MnistCourse.Site;

/// <summary>A lesson of the site: the run that executed it, and its page (<see cref="File"/> is null when that run left no executed notebook).</summary>
public sealed record SitePage(NotebookRun Run, string Title, string? File, IReadOnlyList<LessonResult> Tutorials, int Charts = 0, int Images = 0)
{
    public string Lesson => Run.Lesson;

    /// <summary>The page's address as an attribute value: percent-encoded (a lesson's name is any file name) and HTML-escaped.</summary>
    public string? Href => File is null ? null : System.Net.WebUtility.HtmlEncode(Uri.EscapeDataString(File));
}

public sealed record SiteSummary(string IndexPath, bool Quick, IReadOnlyList<SitePage> Pages, string? PlotlyVersion, long PlotlyBytes, IReadOnlyList<string> Notes)
{
    public override string ToString()
    {
        int pages = Pages.Count(p => p.File is not null), charts = Pages.Sum(p => p.Charts), images = Pages.Sum(p => p.Images);
        var plotly = PlotlyBytes > 0
            ? $"; plotly.js {PlotlyVersion ?? "(version unknown)"} stored once ({(PlotlyBytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)} MB)"
            : "";
        return string.Join(Environment.NewLine, [
            $"site: index + {pages} lesson page{(pages == 1 ? "" : "s")}, {charts} chart{(charts == 1 ? "" : "s")}, {images} image{(images == 1 ? "" : "s")}{plotly}{(Quick ? " — from a QUICK run" : "")}",
            $"  open {IndexPath}",
            .. Notes.Select(n => "  note: " + n)]);
    }
}
