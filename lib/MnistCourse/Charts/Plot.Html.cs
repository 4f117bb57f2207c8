using System.Text;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace MnistCourse.Charts;

public static partial class Plot
{
    private const string PlotlyJsResource = "Plotly.NET.plotly-2.28.0.min.js";
    private static readonly Lazy<string> PlotlyJsSource = new(LoadPlotlyJs);

    /// <summary>
    /// Saves the chart as a standalone UTF-8 HTML page (captions such as "→" need it) that opens without internet:
    /// plotly.js (about 3.5 MB) is embedded in the file, which is written atomically.
    /// </summary>
    public static void SaveHtml(GenericChart chart, string path)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        // Plotly.NET 6's F# API has no optional parameters for C#: every argument must be passed, None is null.
        var options = DisplayOptions.init(
            DocumentTitle: FSharpOption<string>.Some(Path.GetFileNameWithoutExtension(path)),
            DocumentCharset: FSharpOption<string>.Some("UTF-8"),
            DocumentDescription: null,
            DocumentFavicon: null,
            AdditionalHeadTags: null,
            ChartDescription: null,
            PlotlyJSReference: FSharpOption<PlotlyJSReference>.Some(PlotlyJSReference.Full));
        var html = GenericChart.toEmbeddedHTML(GenericChart.setDisplayOptions(options, chart));
        // Plotly.NET writes its <meta charset> after the 3.5 MB inline plotly.js, but browsers only honour one in the
        // first 1024 bytes; without this they guess the encoding and "→" (and plotly's own zero-width spaces) turn into "â€".
        const string head = "<head>";
        var at = html.IndexOf(head, StringComparison.OrdinalIgnoreCase);
        AtomicFile.WriteAllText(path, at < 0 ? html : html.Insert(at + head.Length, "<meta charset=\"utf-8\">"));
    }

    /// <summary>
    /// The plotly.js library (version 2.28.0, minified) shipped inside Plotly.NET, for a host page that
    /// includes it once in a <c>&lt;script&gt;</c> element and then adds charts without their own copy, all offline.
    /// </summary>
    public static string PlotlyJs => PlotlyJsSource.Value;

    private static string LoadPlotlyJs()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(PlotlyJsResource)
            ?? throw new InvalidOperationException($"Plotly.NET no longer embeds {PlotlyJsResource}; update Plot.PlotlyJs.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
