using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MnistCourse.Site.Charts;

/// <summary>
/// A chart as the course's notebook engine emits it (PlotlyChartFormatter: Plotly.NET's toChartHTML or XPlot's inline
/// HTML, each Plotly.newPlot call deferred until window.Plotly exists), recognised by its exact structure: a target
/// &lt;div id&gt; (optionally inside a bare &lt;div&gt;) and one &lt;script&gt; that only assigns JSON to data, layout and
/// config and plots them into that div. Nothing of the notebook's script is passed on: the figure is parsed as JSON
/// and re-emitted as data (&lt;script type="application/json"&gt;) that the site's charts.js draws. Anything else is
/// not a course chart, and its HTML is treated as untrusted.
/// </summary>
public sealed partial record CourseChart(string Id, JsonArray Data, JsonObject Layout, JsonObject? Config, int? Width, int? Height)
{
    private const string DeferredNewPlot =
        "(function(){var a=arguments;(function w(){if(window.Plotly){window.Plotly.newPlot.apply(window.Plotly,a);}else{setTimeout(w,50);}})();})";

    [GeneratedRegex(@"\bvar (?:data|layout|config) = ")]
    private static partial Regex Assignment();

    // The script once every JSON value is replaced by @ and whitespace collapsed: XPlot's form, or Plotly.NET's
    // (the same statements inside "var renderPlotly_<hex> = function() { … }; renderPlotly_<hex>();").
    [GeneratedRegex(@"^(?:var (?<fn>renderPlotly_[0-9a-f]{1,64}) = function\(\) \{ )?var data = @; var layout = @;(?<config> var config = @;)? " +
                    @"(?<call>.+)\('(?<id>[A-Za-z0-9_-]{1,64})', data, layout(?(config), config)\);(?(fn) \}; \k<fn>\(\);)$")]
    private static partial Regex ScriptShape();

    [GeneratedRegex(@"^width: (?<w>\d{1,5})px; height: (?<h>\d{1,5})px;$")]
    private static partial Regex SizeStyle();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static readonly HtmlParser Parser = new();

    private static readonly JsonSerializerOptions AsScriptData = new() { Encoder = JavaScriptEncoder.Default }; // escapes < > & ' : no "</script>" can appear

    /// <summary>The chart <paramref name="html"/> is, or null when it is anything else (then it is untrusted HTML).</summary>
    public static CourseChart? Recognise(string html)
    {
        var nodes = Significant(Parser.ParseFragment(html, Parser.ParseDocument("").Body!));
        if (nodes is [IElement { LocalName: "div", Attributes.Length: 0 } wrapper]) nodes = Significant(wrapper.ChildNodes);
        if (nodes is not [IElement { LocalName: "div" } target, IElement { LocalName: "script" } script]) return null;
        if (target.Children.Length > 0 || target.TextContent.Trim().Length > 0) return null;
        if (script.Attributes.Any(a => !(a.Name == "type" && a.Value == "text/javascript"))) return null;

        var id = target.GetAttribute("id");
        int? width = null, height = null;
        foreach (var attribute in target.Attributes)
        {
            if (attribute.Name == "id") continue;
            if (attribute.Name != "style" || SizeStyle().Match(attribute.Value) is not { Success: true } size) return null;
            (width, height) = (int.Parse(size.Groups["w"].Value, CultureInfo.InvariantCulture), int.Parse(size.Groups["h"].Value, CultureInfo.InvariantCulture));
        }

        if (ParseScript(script.TextContent) is not { } figure || figure.Id != id) return null;
        return figure with { Width = width, Height = height };
    }

    /// <summary>The chart as the site shows it: an empty target and its figure as JSON data, drawn by charts.js.</summary>
    public string ToHtml()
    {
        var figure = new JsonObject { ["data"] = Data.DeepClone(), ["layout"] = Layout.DeepClone() };
        if (Config is not null) figure["config"] = Config.DeepClone();
        var style = Width is { } w && Height is { } h ? $" style=\"width: {w}px; height: {h}px;\"" : "";
        return $"<div class=\"chart\" id=\"{WebUtility.HtmlEncode(Id)}\"{style}></div>" +
               $"<script type=\"application/json\" class=\"chart-figure\">{figure.ToJsonString(AsScriptData)}</script>";
    }

    private static CourseChart? ParseScript(string script)
    {
        var values = new List<JsonNode?>();
        var shape = new StringBuilder();
        var at = 0;
        while (Assignment().Match(script, at) is { Success: true } assignment)
        {
            var start = assignment.Index + assignment.Length;
            shape.Append(script, at, start - at).Append('@');
            if (ReadJson(script, start) is not var (value, length)) return null;
            values.Add(value);
            at = start + length;
        }
        shape.Append(script, at, script.Length - at);
        var match = ScriptShape().Match(Whitespace().Replace(shape.ToString(), " ").Trim());
        if (!match.Success || match.Groups["call"].Value is not (DeferredNewPlot or "Plotly.newPlot")) return null;
        if (values.Count is < 2 or > 3 || values[0] is not JsonArray data || values[1] is not JsonObject layout) return null;
        var config = values.Count == 3 ? values[2] as JsonObject : null;
        if (values.Count == 3 && config is null) return null;
        return new CourseChart(match.Groups["id"].Value, data, layout, config, null, null);
    }

    /// <summary>One JSON value at <paramref name="start"/>, and how many characters it takes; null when it is not JSON.</summary>
    private static (JsonNode? Value, int Length)? ReadJson(string text, int start)
    {
        var bytes = Encoding.UTF8.GetBytes(text, start, text.Length - start);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            var value = JsonNode.Parse(ref reader);
            return (value, Encoding.UTF8.GetCharCount(bytes, 0, checked((int)reader.BytesConsumed)));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The nodes that carry meaning: elements and non-blank text (comments and whitespace are dropped).</summary>
    private static List<INode> Significant(INodeList nodes) => nodes
        .Where(n => n is IElement || (n.NodeType == NodeType.Text && n.TextContent.Trim().Length > 0)).ToList();
}
