using System.Net;
using MnistCourse.Site.Charts;

namespace MnistCourse.Site;

/// <summary>The page shell every page shares: head with the local stylesheet (and plotly.js where a page has charts), header, footer.</summary>
internal static class SiteLayout
{
    public const string CourseTitle = "MnistCourse";
    public const string CourseSubtitle = "Convolutional networks in C#, the Keras way, on TorchSharp";
    public const string StyleSheet = "site.css";

    public static string Page(string title, string body, bool withPlotly, string? generatedUtc)
    {
        // Deferred, in order: plotly.js, then the site's charts.js, once the page is parsed. No other script runs.
        var plotly = withPlotly ? $"\n  <script src=\"{PlotlyBundle.FileName}\" defer></script>\n  <script src=\"{PlotlyBundle.ChartsScriptFileName}\" defer></script>" : "";
        var generated = generatedUtc is null ? "" : $" · executed {WebUtility.HtmlEncode(generatedUtc)}";
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{WebUtility.HtmlEncode(title)}</title>
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="{StyleSheet}">{plotly}
            </head>
            <body>
            <header class="site-header"><a class="brand" href="index.html">{CourseTitle}</a> <span class="subtitle">{WebUtility.HtmlEncode(CourseSubtitle)}</span></header>
            <main>
            {body}
            </main>
            <footer class="site-footer">Rendered from the executed notebooks by <code>./course site</code>{generated}. Everything on these pages is local: no network needed.</footer>
            </body>
            </html>

            """;
    }

    public static string Css()
    {
        using var stream = typeof(SiteLayout).Assembly.GetManifestResourceStream("MnistCourse.Site.site.css")
            ?? throw new InvalidOperationException("site.css is missing from MnistCourse.Site's resources");
        return new StreamReader(stream).ReadToEnd();
    }
}
