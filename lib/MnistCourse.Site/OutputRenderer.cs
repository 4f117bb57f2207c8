using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MnistCourse.NotebookFormat;
using MnistCourse.Site.Charts;
using MnistCourse.Site.Safety;

namespace MnistCourse.Site;

/// <summary>
/// A code cell's outputs as HTML, the way Jupyter shows them: consecutive stream chunks merged and shown with
/// terminal semantics, rich outputs by their richest MIME type (HTML, SVG, PNG, JPEG, markdown, JSON, plain text),
/// errors with their traceback. Counts the charts and images it rendered. Nothing a notebook carries runs: the
/// course's own charts are re-emitted as data (<see cref="CourseChart"/>), other HTML is sanitized
/// (<see cref="UntrustedHtml"/>), inline plotly.js is dropped, image data must be base64.
/// </summary>
public sealed class OutputRenderer
{
    private static readonly string[] MimeOrder =
        ["text/html", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "text/markdown", "text/latex", "application/json", "text/plain"];

    public int Charts { get; private set; }
    public int Images { get; private set; }

    /// <summary>The outputs' HTML; <paramref name="count"/> is the cell's execution count as its prompts show it.</summary>
    public string Render(JsonArray outputs, string count)
    {
        var html = new StringBuilder();
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i] is not JsonObject output) continue;
            var type = Str(output["output_type"]);
            switch (type)
            {
                case "stream":
                {
                    var name = Str(output["name"]) ?? "stdout";
                    var text = new StringBuilder(Text(output["text"]));
                    // Jupyter merges consecutive chunks of one stream before applying '\r'.
                    while (i + 1 < outputs.Count && outputs[i + 1] is JsonObject next
                           && Str(next["output_type"]) == "stream" && (Str(next["name"]) ?? "stdout") == name)
                    {
                        text.Append(Text(next["text"]));
                        i++;
                    }
                    var shown = TerminalText.Render(text.ToString());
                    if (shown.Length == 0) break;
                    html.Append($"<div class=\"output stream {(name == "stderr" ? "stderr" : "stdout")}\"><pre>{Escape(shown.TrimEnd('\n'))}</pre></div>\n");
                    break;
                }
                case "display_data" or "execute_result":
                {
                    if (RenderData(output) is not { } data) break;
                    var prompt = type == "execute_result" ? $"<div class=\"prompt out\">Out [{count}]:</div>" : "";
                    html.Append($"<div class=\"output {data.Class}\">{prompt}{data.Html}</div>\n");
                    break;
                }
                case "error":
                {
                    var ename = Str(output["ename"]) ?? "Error";
                    var evalue = Str(output["evalue"]) ?? "";
                    var traceback = output["traceback"] is JsonArray lines ? string.Join("\n", lines.Select(l => Str(l) ?? "")) : "";
                    var text = TerminalText.Render(traceback.Trim().Length > 0 ? traceback : $"{ename}: {evalue}");
                    if (!text.Contains(ename, StringComparison.Ordinal)) text = $"{ename}: {evalue}\n{text}";
                    html.Append($"<div class=\"output error\"><pre>{Escape(text.TrimEnd('\n'))}</pre></div>\n");
                    break;
                }
            }
        }
        return html.ToString();
    }

    private (string Class, string Html)? RenderData(JsonObject output)
    {
        if (output["data"] is not JsonObject data) return null;
        var mime = MimeOrder.FirstOrDefault(m => data[m] is not null);
        if (mime is null) return null;
        var value = data[mime];
        switch (mime)
        {
            case "text/html":
            {
                var html = PlotlyJsMarkers.Remove(Text(value));
                if (CourseChart.Recognise(html) is not { } chart) return ("html", $"<div class=\"html-output\">{UntrustedHtml.Clean(html)}</div>");
                Charts++;
                return ("html chart", $"<div class=\"chart-output\" data-charts=\"1\">{chart.ToHtml()}</div>");
            }
            case "image/svg+xml":
                return Image(mime, Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(value))), output);
            case "image/png" or "image/jpeg" or "image/gif":
                return Image(mime, string.Concat(Text(value).Where(c => !char.IsWhiteSpace(c))), output);
            case "text/markdown":
                return ("markdown", MarkdownRenderer.ToHtml(Text(value)));
            case "application/json":
                return ("json", $"<pre>{Escape(value?.ToJsonString() ?? "null")}</pre>");
            default: // text/plain, text/latex
                return ("text", $"<pre>{Escape(TerminalText.StripAnsi(Text(value)).TrimEnd('\n'))}</pre>");
        }
    }

    private (string Class, string Html) Image(string mime, string base64, JsonObject output)
    {
        if (!UntrustedHtml.IsImageDataUrl($"data:{mime};base64,{base64}"))
            return ("text", $"<pre>({Escape(mime)} output not shown: its data is not base64)</pre>");
        string Size(string name) => output["metadata"]?[mime]?[name] is JsonValue v && v.TryGetValue<double>(out var pixels)
            ? $" {name}=\"{pixels.ToString(CultureInfo.InvariantCulture)}\""
            : "";
        Images++;
        return ("image", $"<img src=\"data:{mime};base64,{base64}\" alt=\"output image\"{Size("width")}{Size("height")}>");
    }

    private static string Text(JsonNode? node) => node is JsonValue or JsonArray or null ? MultilineText.Read(node) : node.ToJsonString();
    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
