using System.Globalization;
using System.Net;
using System.Text;

namespace MnistCourse.Site;

/// <summary>index.html: the lessons in order with their accuracy, and the reproduction table of results.json.</summary>
internal static class IndexPage
{
    public static string Body(ResultsFile results, IReadOnlyList<SitePage> pages, string reproductionSection = "")
    {
        var b = new StringBuilder();
        b.Append($"<h1>{SiteLayout.CourseTitle}</h1>\n<p class=\"lead\">{WebUtility.HtmlEncode(SiteLayout.CourseSubtitle)}: five C# notebooks that teach what classic Keras MNIST tutorials teach, " +
                 "and reproduce their published accuracies. These pages show the notebooks exactly as the last run executed them.</p>\n");
        var quickLessons = pages.Where(p => p.Run.Quick).Select(p => p.Lesson).ToList();
        if (quickLessons.Count > 0)
            b.Append($"<p class=\"note quick\"><strong>Quick run{(quickLessons.Count == pages.Count ? "" : $" for {string.Join(", ", quickLessons)}")}.</strong> " +
                     "Pages from <code>./course run --quick</code> have fewer epochs and images, so every cell runs " +
                     "in a few minutes. Their measured accuracies check that the lessons work; they are <em>not</em> comparable with the published ones. " +
                     "Run <code>./course run</code> for the full figures.</p>\n");

        b.Append("<h2>Lessons</h2>\n<ol class=\"lessons\">\n");
        foreach (var page in pages)
        {
            var title = WebUtility.HtmlEncode(page.Title);
            var link = page.File is null ? $"<span class=\"lesson-title\">{title}</span>" : $"<a class=\"lesson-title\" href=\"{page.Href}\">{title}</a>";
            var accuracy = page.Tutorials.Count == 0
                ? "<span class=\"no-accuracy\">no accuracy to report: this lesson trains no tutorial's network</span>"
                : string.Join("; ", page.Tutorials.Select(t =>
                    $"<span class=\"accuracy\" data-tutorial=\"{WebUtility.HtmlEncode(t.Tutorial)}\">{WebUtility.HtmlEncode(t.Title)}: test accuracy <strong>{F4(t.TestAccuracy)}</strong> (published {F4(t.PublishedAccuracy)})</span>"));
            var status = page.Run.Passed
                ? $"<span class=\"status ok\">✓ ran in {page.Run.Seconds.ToString("0", CultureInfo.InvariantCulture)} s</span>"
                : $"<span class=\"status failed\">✗ failed (runner exit {page.Run.ExitCode}){(page.File is null ? ", no executed notebook" : "")}</span>";
            b.Append($"<li class=\"lesson\" data-lesson=\"{WebUtility.HtmlEncode(page.Lesson)}\">{link}<div class=\"lesson-facts\">{accuracy} {status} " +
                     $"<span class=\"run\">{WebUtility.HtmlEncode(page.Run.Describe())}</span></div></li>\n");
        }
        b.Append("</ol>\n");

        b.Append("<h2>Reproduction table</h2>\n");
        b.Append("<p>Each tutorial's latest result per kind of run. A full run passes when it reaches its floor; within 0.15 points of the published " +
                 "accuracy is a close reproduction; “short run” (quick) draws no verdict. Whether a tutorial is <em>reproduced</em> is decided over " +
                 "several seeds: <code>./course reproduce</code>.</p>\n");
        if (results.Tutorials.Count == 0)
        {
            b.Append("<p class=\"note\">No lesson reported a result in this run.</p>\n");
        }
        else
        {
            b.Append("<div class=\"table-scroll\"><table class=\"results\">\n<thead><tr><th>tutorial</th><th>lesson</th><th>published</th><th>floor</th><th>measured</th>" +
                     "<th>test loss</th><th>epochs</th><th>images</th><th>train s</th><th>ms/step</th><th>verdict</th><th>run</th></tr></thead>\n<tbody>\n");
            foreach (var t in results.Tutorials)
            {
                var page = pages.FirstOrDefault(p => p.Tutorials.Any(x => ReferenceEquals(x, t)));
                var lesson = page is null ? "" : page.File is null ? WebUtility.HtmlEncode(page.Lesson) : $"<a href=\"{page.Href}\">{WebUtility.HtmlEncode(page.Lesson)}</a>";
                var verdictClass = !t.FullRun ? "short" : t.ReachesFloor ? "pass" : "fail";
                b.Append($"<tr data-tutorial=\"{WebUtility.HtmlEncode(t.Tutorial)}\"><td>{WebUtility.HtmlEncode(t.Title)}</td><td>{lesson}</td><td class=\"num\">{F4(t.PublishedAccuracy)}</td>" +
                         $"<td class=\"num\">{F4(t.Floor)}</td><td class=\"num measured\">{F4(t.TestAccuracy)}</td><td class=\"num\">{F4(t.TestLoss)}</td>" +
                         $"<td class=\"num\">{t.Epochs}/{t.PublishedEpochs}</td><td class=\"num\">{t.TrainImages.ToString("N0", CultureInfo.InvariantCulture)}</td>" +
                         $"<td class=\"num\">{t.TrainSeconds.ToString("0", CultureInfo.InvariantCulture)}</td><td class=\"num\">{t.MillisecondsPerStep.ToString("0.0", CultureInfo.InvariantCulture)}</td>" +
                         $"<td class=\"verdict {verdictClass}\">{WebUtility.HtmlEncode(t.Verdict)}</td>" +
                         $"<td>{(t.Quick == true ? "quick" : "full")}, seed {t.Seed}</td></tr>\n");
            }
            b.Append("</tbody>\n</table></div>\n");
        }
        b.Append(reproductionSection);
        return b.ToString();
    }

    public static string F4(double value) => double.IsNaN(value) ? "—" : value.ToString("0.0000", CultureInfo.InvariantCulture);
}
