using System.Text;
using MnistCourse.NotebookFormat;
using MnistCourse.Site.Charts;

namespace MnistCourse.Site;

/// <summary>
/// The static course site: one page per executed lesson and an index with the reproduction table, built from
/// artifacts/results.json and the executed notebooks it lists. Everything is local (stylesheet, plotly.js and charts.js once,
/// images as data: URIs), so the pages work from file:// as well as from any static HTTP server.
/// </summary>
public static class CourseSite
{
    /// <summary>
    /// Renders <paramref name="artifactsDir"/> into <paramref name="siteDir"/>, replacing it in one swap. A missing or
    /// malformed input throws <see cref="SiteBuildException"/> naming the file at fault and the fix.
    /// </summary>
    public static SiteSummary Build(string artifactsDir, string siteDir)
    {
        artifactsDir = Path.GetFullPath(artifactsDir);
        siteDir = Path.TrimEndingDirectorySeparator(Path.GetFullPath(siteDir));
        CheckTarget(artifactsDir, siteDir);

        var resultsPath = Path.Combine(artifactsDir, ResultsFile.FileName);
        ResultsFile results;
        try { results = ResultsFile.Load(resultsPath); }
        catch (InvalidDataException e) { throw new SiteBuildException(e.Message, e); }
        if (results.Notebooks.Count == 0)
            throw new SiteBuildException($"{resultsPath} lists no executed notebook. Run ./course run --quick first.");

        // Load every executed notebook first: titles and links are needed before any page is rendered.
        var notes = new List<string>();
        var lessons = new List<(SitePage Page, Notebook? Notebook)>();
        var assigned = new HashSet<LessonResult>(ReferenceEqualityComparer.Instance);
        foreach (var run in results.Notebooks)
        {
            var path = Path.Combine(artifactsDir, Path.GetFileName(run.Executed.Length > 0 ? run.Executed : run.Lesson + ".ipynb"));
            Notebook? notebook = null;
            if (File.Exists(path))
                notebook = Load(path);
            else if (run.Passed)
                throw new SiteBuildException($"{path} not found, although {ResultsFile.FileName} lists it as executed. " +
                                             "Run ./course run --quick first (it writes the executed notebooks to artifacts/).");
            else
                notes.Add($"{run.Lesson} failed (exit {run.ExitCode}) and left no executed notebook: listed on the index without a page");
            if (notebook is not null && string.Equals(run.Lesson, "index", StringComparison.OrdinalIgnoreCase))
                throw new SiteBuildException($"{path}: a lesson named \"index\" would replace the site's index.html. Rename the notebook.");
            var tutorials = TutorialsOf(run, results).Where(assigned.Add).ToList();
            lessons.Add(notebook is null
                ? (new SitePage(run, run.Lesson, null, tutorials), null)
                : (new SitePage(run, LessonPage.TitleOf(notebook, run.Lesson), run.Lesson + ".html", tutorials), notebook));
        }

        var lessonNames = lessons.Select(l => l.Page.Lesson).ToHashSet(StringComparer.Ordinal);
        string? RewriteLink(string url)
        {
            var hash = url.IndexOf('#');
            var target = hash < 0 ? url : url[..hash];
            if (!target.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || target.Contains("://", StringComparison.Ordinal)) return null;
            var name = Path.GetFileNameWithoutExtension(target.Replace('\\', '/').Split('/')[^1]);
            return lessonNames.Contains(name) ? Uri.EscapeDataString(name + ".html") + (hash < 0 ? "" : url[hash..]) : null;
        }

        // Each lesson with a notebook becomes its page, linked to the previous and next lessons that have one.
        var linked = lessons.Where(l => l.Notebook is not null).ToList();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var rendered = new Dictionary<SitePage, SitePage>(ReferenceEqualityComparer.Instance);
        foreach (var (lesson, k) in linked.Select((lesson, k) => (lesson, k)))
        {
            var (page, notebook) = (lesson.Page, lesson.Notebook!);
            try
            {
                var (body, done) = LessonPage.Render(notebook, page, linked.ElementAtOrDefault(k - 1).Page, linked.ElementAtOrDefault(k + 1).Page, RewriteLink);
                rendered[page] = done;
                files[done.File!] = SiteLayout.Page($"{done.Title} · {SiteLayout.CourseTitle}", body, done.Charts > 0, results.GeneratedUtc);
            }
            catch (FormatException e)
            {
                throw new SiteBuildException(
                    $"{notebook.SourceName}: an output is malformed ({e.Message}). Run ./course run --quick again to re-execute it.", e);
            }
        }
        var pages = lessons.Select(l => rendered.GetValueOrDefault(l.Page, l.Page)).ToList();

        // plotly.js is always the course's own copy (from Plotly.NET), never one a notebook carries.
        var plotlyJs = pages.Any(p => p.Charts > 0) ? PlotlyBundle.PlotlyJs : null;
        files["index.html"] = SiteLayout.Page($"{SiteLayout.CourseTitle} — the lessons", IndexPage.Body(results, pages, ReproductionSection.Html(artifactsDir)), withPlotly: false, results.GeneratedUtc);
        files[SiteLayout.StyleSheet] = SiteLayout.Css();
        if (plotlyJs is not null)
        {
            files[PlotlyBundle.FileName] = plotlyJs;
            files[PlotlyBundle.ChartsScriptFileName] = PlotlyBundle.ChartsJs();
        }

        WriteAndSwap(siteDir, files);
        return new SiteSummary(Path.Combine(siteDir, "index.html"), results.Quick, pages,
            plotlyJs is null ? null : PlotlyBundle.VersionOf(plotlyJs), plotlyJs is null ? 0 : Encoding.UTF8.GetByteCount(plotlyJs), notes);
    }

    private static Notebook Load(string path)
    {
        try
        {
            return Notebook.Load(path);
        }
        catch (NotebookFormatException e)
        {
            throw new SiteBuildException($"{e.Message}. Run ./course run --quick again to re-execute it.", e);
        }
    }

    /// <summary>The tutorials a lesson reported: those whose "notebook" is the lesson, from the same kind of run and seed.</summary>
    private static IEnumerable<LessonResult> TutorialsOf(NotebookRun run, ResultsFile results) =>
        results.Tutorials.Where(t => t.Notebook is { } n && Path.GetFileNameWithoutExtension(n) == run.Lesson && t.Quick == run.Quick && t.Seed == run.Seed);

    /// <summary>Refuses targets whose replacement would delete something that is not a site.</summary>
    private static void CheckTarget(string artifactsDir, string siteDir)
    {
        var site = siteDir + Path.DirectorySeparatorChar;
        if ((artifactsDir + Path.DirectorySeparatorChar).StartsWith(site, StringComparison.Ordinal))
            throw new SiteBuildException($"the site folder {siteDir} holds the artifacts folder {artifactsDir}; building would replace it. Choose another output folder.");
        if (Directory.Exists(siteDir) && Directory.EnumerateFileSystemEntries(siteDir).Any() && !File.Exists(Path.Combine(siteDir, "index.html")))
            throw new SiteBuildException($"{siteDir} exists and is not a site built by ./course site (no index.html); it is left alone. Remove it or choose another output folder.");
    }

    /// <summary>Writes every file into a fresh folder beside <paramref name="siteDir"/>, then swaps it in (two renames).</summary>
    private static void WriteAndSwap(string siteDir, IReadOnlyDictionary<string, string> files)
    {
        var parent = Path.GetDirectoryName(siteDir)!;
        var name = Path.GetFileName(siteDir);
        Directory.CreateDirectory(parent);
        var stamp = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..16];
        var building = Path.Combine(parent, $".{name}.building-{stamp}");
        var old = Path.Combine(parent, $".{name}.old-{stamp}");
        try
        {
            Directory.CreateDirectory(building);
            foreach (var (file, text) in files) File.WriteAllText(Path.Combine(building, file), text); // UTF-8 without a BOM
            if (Directory.Exists(siteDir)) Directory.Move(siteDir, old);
            try
            {
                Directory.Move(building, siteDir);
            }
            catch
            {
                if (Directory.Exists(old)) Directory.Move(old, siteDir);
                throw;
            }
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
        finally
        {
            if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
        }
    }
}
