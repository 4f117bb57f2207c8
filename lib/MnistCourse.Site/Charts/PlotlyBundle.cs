using System.Text.RegularExpressions;

namespace MnistCourse.Site.Charts;

/// <summary>
/// The site's scripts: plotly.js, always the copy embedded in the Plotly.NET package the course references (never
/// one a notebook carries), and charts.js, the site's own script that draws each <see cref="CourseChart"/>.
/// </summary>
public static partial class PlotlyBundle
{
    public const string FileName = "plotly.min.js";
    public const string ChartsScriptFileName = "charts.js";

    [GeneratedRegex(@"plotly-[\d.]+\.min\.js$", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceName();

    [GeneratedRegex(@"plotly\.js v(\d+\.\d+\.\d+)")]
    private static partial Regex Version();

    private static readonly Lazy<string> Source = new(Load);

    /// <summary>plotly.js as the site serves it.</summary>
    public static string PlotlyJs => Source.Value;

    /// <summary>charts.js, from this assembly's resources.</summary>
    public static string ChartsJs()
    {
        using var stream = typeof(PlotlyBundle).Assembly.GetManifestResourceStream("MnistCourse.Site.charts.js")
            ?? throw new InvalidOperationException("charts.js is missing from MnistCourse.Site's resources");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>"2.28.0", read from plotly.js's banner comment; null when absent.</summary>
    public static string? VersionOf(string plotlyJs) =>
        Version().Match(plotlyJs, 0, Math.Min(4096, plotlyJs.Length)) is { Success: true } match ? match.Groups[1].Value : null;

    private static string Load()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => ResourceName().IsMatch(n))
                   ?? throw new InvalidOperationException($"{assembly.GetName()} embeds no plotly-*.min.js; the site cannot draw charts with this Plotly.NET");
        using var stream = assembly.GetManifestResourceStream(name)!;
        var js = new StreamReader(stream).ReadToEnd();
        // Hide AMD/CommonJS globals while the UMD bundle runs, so it always sets window.Plotly (an element with
        // id="module" in a page would otherwise be taken for CommonJS's module object).
        return "(function () { var define = undefined, exports = undefined, module = undefined;\n" + js + "\n})();\n";
    }
}
