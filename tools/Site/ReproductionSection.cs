using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MnistCourse.Site;

/// <summary>
/// The index's "Reproduction over seeds" section, from the summary `./course reproduce` writes (artifacts/reproduction.json,
/// whose format the course library owns): per tutorial a row of an SVG strip chart — reference band, published figure,
/// every seed, the mean with its 95% interval — and the verdict. Drawn as inline SVG so it needs no script.
/// </summary>
internal static class ReproductionSection
{
    public const string FileName = "reproduction.json";

    private sealed record Row(string Title, double Published, double? BandLow, double? BandHigh, double[] Accuracies,
                              double Mean, double CiLow, double CiHigh, double Sd, bool Reproduced, string Verdict);

    /// <summary>The section's HTML, or "" when no reproduction has been run; a malformed file is named, not fatal.</summary>
    public static string Html(string artifactsDir)
    {
        var path = Path.Combine(artifactsDir, FileName);
        if (!File.Exists(path)) return "";
        List<Row> rows;
        bool quick;
        try
        {
            var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            quick = root["quick"]?.GetValue<bool>() ?? false;
            rows = (root["summary"] as JsonArray ?? []).OfType<JsonObject>().Select(s => new Row(
                (string)s["title"]!, (double)s["published_accuracy"]!, (double?)s["reference_low"], (double?)s["reference_high"],
                s["accuracies"]!.AsArray().Select(a => (double)a!).ToArray(),
                (double)s["accuracy"]!["mean"]!, Num(s["accuracy"]!["confidence_low"]), Num(s["accuracy"]!["confidence_high"]),
                Num(s["accuracy"]!["standard_deviation"]), (bool)s["verdict"]!["reproduced"]!, (string)s["verdict"]!["text"]!)).ToList();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            return $"<h2>Reproduction over seeds</h2>\n<p class=\"note failed\">{WebUtility.HtmlEncode(path)} could not be read ({WebUtility.HtmlEncode(e.Message)}): " +
                   "run <code>./course reproduce --resume</code> or move it aside.</p>\n";
        }
        if (rows.Count == 0) return "";

        var b = new StringBuilder("<h2>Reproduction over seeds</h2>\n");
        b.Append($"<p>From <code>./course reproduce</code>{(quick ? " — <strong>quick runs</strong>: they check the machinery and draw no verdict" : "")}. " +
                 "Each dot is one seed; the black bar is their mean with its 95% confidence interval; ◆ the published figure; the shaded span the " +
                 "Keras-faithful reference's band. <em>Reproduced</em>: the mean is within 0.15 points of the published figure, and the published " +
                 "figure lies within mean ± 2 SD.</p>\n");
        b.Append(Svg(rows));
        b.Append("<ul class=\"verdicts\">\n");
        foreach (var r in rows)
            b.Append($"<li class=\"{(r.Reproduced ? "pass" : "fail")}\"><strong>{WebUtility.HtmlEncode(r.Title)}</strong>: {WebUtility.HtmlEncode(r.Verdict)}</li>\n");
        b.Append("</ul>\n");
        return b.ToString();
    }

    private static double Num(JsonNode? n) => n is JsonValue v && v.TryGetValue<double>(out var d) ? d : double.NaN;

    private static string Svg(IReadOnlyList<Row> rows)
    {
        const int width = 760, left = 190, right = 30, rowHeight = 46, top = 10, axis = 40;
        var values = rows.SelectMany(r => r.Accuracies.Concat([r.Published, r.CiLow, r.CiHigh, r.BandLow ?? r.Published, r.BandHigh ?? r.Published]))
            .Where(v => !double.IsNaN(v)).ToArray();
        double lo = values.Min(), hi = values.Max(), pad = Math.Max(0.0005, (hi - lo) * 0.08);
        lo -= pad; hi += pad;
        double X(double v) => left + (v - lo) / (hi - lo) * (width - left - right);
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        int height = top + rows.Count * rowHeight + axis;
        var s = new StringBuilder($"<svg class=\"reproduction\" role=\"img\" aria-label=\"accuracy per seed against the published figure\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        for (int i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            double y = top + i * rowHeight + rowHeight / 2.0;
            s.Append($"<text x=\"{left - 10}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{WebUtility.HtmlEncode(r.Title)}</text>\n");
            if (r.BandLow is { } bl && r.BandHigh is { } bh)
                s.Append($"<rect x=\"{F(X(bl))}\" y=\"{F(y - 11)}\" width=\"{F(X(bh) - X(bl))}\" height=\"22\" fill=\"#c6dbef\"><title>reference band {bl:0.0000}–{bh:0.0000}</title></rect>\n");
            foreach (var a in r.Accuracies)
                s.Append($"<circle cx=\"{F(X(a))}\" cy=\"{F(y - 5)}\" r=\"4\" fill=\"#888\" fill-opacity=\"0.8\"><title>seed: {a:0.0000}</title></circle>\n");
            if (!double.IsNaN(r.CiLow))
                s.Append($"<line x1=\"{F(X(r.CiLow))}\" x2=\"{F(X(r.CiHigh))}\" y1=\"{F(y + 6)}\" y2=\"{F(y + 6)}\" stroke=\"#000\" stroke-width=\"2\"><title>95% CI {r.CiLow:0.0000}–{r.CiHigh:0.0000}</title></line>\n");
            s.Append($"<line x1=\"{F(X(r.Mean))}\" x2=\"{F(X(r.Mean))}\" y1=\"{F(y)}\" y2=\"{F(y + 12)}\" stroke=\"#000\" stroke-width=\"3\"><title>mean {r.Mean:0.0000}</title></line>\n");
            double px = X(r.Published);
            s.Append($"<path d=\"M{F(px)} {F(y - 1)} l6 6 l-6 6 l-6 -6 z\" fill=\"#4c78a8\"><title>published {r.Published:0.0000}</title></path>\n");
        }
        double axisY = top + rows.Count * rowHeight + 6;
        s.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(axisY)}\" y2=\"{F(axisY)}\" stroke=\"#999\"/>\n");
        for (int k = 0; k <= 4; k++)
        {
            double v = lo + (hi - lo) * k / 4;
            s.Append($"<text x=\"{F(X(v))}\" y=\"{F(axisY + 16)}\" text-anchor=\"middle\" fill=\"#555\">{v.ToString("0.0000", CultureInfo.InvariantCulture)}</text>\n");
        }
        s.Append($"<text x=\"{F((left + width - right) / 2.0)}\" y=\"{F(axisY + 32)}\" text-anchor=\"middle\" fill=\"#555\">test accuracy</text>\n</svg>\n");
        return s.ToString();
    }
}
