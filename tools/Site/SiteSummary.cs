using System.Globalization;

namespace MnistCourse.Site;

/// <summary>A lesson of the site. <see cref="File"/> is null when the run left no executed notebook for it (a failed lesson).</summary>
public sealed record SitePage(
    string Lesson, string Title, string? File, bool Passed, int ExitCode, double Seconds,
    IReadOnlyList<LessonResult> Tutorials, int Charts = 0, int Images = 0, int Errors = 0, int CodeCells = 0)
{
    /// <summary>The run whose executed copy this page shows (kind, seed, when).</summary>
    public NotebookRun? Run { get; init; }
}

/// <summary>What <see cref="CourseSite.Build"/> wrote.</summary>
public sealed record SiteSummary(
    string SiteDir, string IndexPath, bool Quick, IReadOnlyList<SitePage> Pages, string? PlotlyVersion, long PlotlyBytes,
    IReadOnlyList<string> Notes)
{
    public int Charts => Pages.Sum(p => p.Charts);
    public int Images => Pages.Sum(p => p.Images);

    public override string ToString()
    {
        var pages = Pages.Count(p => p.File is not null);
        var plotly = PlotlyBytes > 0
            ? $"; plotly.js {PlotlyVersion ?? "(version unknown)"} stored once ({(PlotlyBytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)} MB)"
            : "";
        var lines = new List<string>
        {
            $"site: index + {pages} lesson page{(pages == 1 ? "" : "s")}, {Charts} chart{(Charts == 1 ? "" : "s")}, {Images} image{(Images == 1 ? "" : "s")}{plotly}{(Quick ? " — from a QUICK run" : "")}",
            $"  open {IndexPath}",
        };
        lines.AddRange(Notes.Select(n => "  note: " + n));
        return string.Join(Environment.NewLine, lines);
    }
}
