using Microsoft.FSharp.Collections;
using Plotly.NET;
using DynObject = DynamicObj.DynamicObj;

namespace MnistCourse.Charts;

/// <summary>Builds plotly.js figures from plain attribute names; <c>null</c> values are left out.</summary>
/// <remarks>
/// Why not Plotly.NET's <c>Chart.*</c> functions? Since 6.0 the F# API carries no <c>[Optional]</c>
/// attributes, so from C# every call needs dozens of explicit <c>null</c>s and generic type arguments.
/// Setting the documented plotly.js attributes on Plotly.NET's own <see cref="Trace2D"/> and
/// <see cref="Layout"/> objects is shorter, and the output is still an ordinary <see cref="GenericChart"/>.
/// </remarks>
internal static class PlotlyObjects
{
    /// <summary>A plotly.js object, e.g. an axis or an annotation.</summary>
    public static DynObject Obj(params (string Key, object? Value)[] properties) => Fill(new DynObject(), properties);

    /// <summary>A trace of the given plotly.js type ("heatmap", "scatter", "bar").</summary>
    public static Trace Trace(string type, params (string Key, object? Value)[] properties) =>
        Fill(new Trace2D(type), properties);

    public static Layout Layout(params (string Key, object? Value)[] properties) => Fill(new Layout(), properties);

    /// <summary>
    /// The figure title, centred <paramref name="gap"/> pixels above the plot area (not the top edge: on narrow charts it
    /// stays clear of the mode bar), or null when there is none.
    /// </summary>
    public static DynObject? Title(string? text, int gap = 12) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : Obj(("text", text), ("x", 0.5), ("xanchor", "center"), ("xref", "paper"),
                ("y", 1), ("yanchor", "bottom"), ("yref", "paper"), ("pad", Obj(("b", gap))),
                ("font", Obj(("size", 16))));

    public static DynObject Margin(int left, int right, int top, int bottom) =>
        Obj(("l", left), ("r", right), ("t", top), ("b", bottom), ("pad", 0));

    /// <summary>A frame around the cells rows top..top+height-1, columns left..left+width-1 of a heatmap, drawn above it.</summary>
    public static DynObject CellFrame(int top, int left, int height, int width, string color, double lineWidth) =>
        Obj(("type", "rect"), ("xref", "x"), ("yref", "y"),
            ("x0", left - 0.5), ("x1", left + width - 0.5), ("y0", top - 0.5), ("y1", top + height - 0.5),
            ("line", Obj(("color", color), ("width", lineWidth))), ("layer", "above"));

    /// <summary>
    /// One label per heatmap cell, <paramref name="texts"/>[r, c] at (c, r), as large as the cell allows (so "-0.125" still fits
    /// a narrow one) and coloured by <paramref name="color"/>(r, c); <c>null</c> there gives dark text on a pale box.
    /// </summary>
    public static List<object> CellTexts(string[,] texts, double cellPixels, double widthShare, double maxFontSize, Func<int, int, string?> color)
    {
        var longest = Math.Max(1, texts.Cast<string>().Max(text => text.Length));
        var fontSize = Math.Round(Math.Clamp(Math.Min(cellPixels * widthShare, cellPixels * 1.6 / longest), 7, maxFontSize), 1);
        var labels = new List<object>(texts.Length);
        for (var r = 0; r < texts.GetLength(0); r++)
        for (var c = 0; c < texts.GetLength(1); c++)
        {
            var textColor = color(r, c);
            labels.Add(Obj(("text", texts[r, c]), ("x", c), ("y", r), ("xref", "x"), ("yref", "y"), ("showarrow", false),
                // Unknown colour scale: a pale box keeps dark text readable on any colour.
                ("bgcolor", textColor is null ? "rgba(255,255,255,0.6)" : null),
                ("font", Obj(("size", fontSize), ("color", textColor ?? "#222")))));
        }
        return labels;
    }

    /// <summary>Rough rendered width of a label in pixels: enough to size a chart so that labels do not collide.</summary>
    public static double TextWidth(string? text, double fontSize) =>
        string.IsNullOrEmpty(text) ? 0 : text.Sum(ch => ch < 128 ? (char.IsUpper(ch) ? 0.68 : 0.56) : 1.0) * fontSize;

    /// <summary><paramref name="width"/>, or wider if the title needs it: a narrow chart must not crop its title.</summary>
    public static int WidthForTitle(int width, string? title) => Math.Max(width, (int)TextWidth(title, 16) + 40);

    /// <summary>A chart from traces and a layout, without Plotly.NET's default template (smaller HTML, same look everywhere).</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, Layout layout)
    {
        layout.SetProperty("paper_bgcolor", "white");
        layout.SetProperty("font", Obj(("family", "Open Sans, Verdana, Arial, sans-serif"), ("size", 12), ("color", "#222")));
        // A short mode bar: zoom, pan, reset and "download as PNG" (at twice the size, for slides) are what learners use.
        var config = new Config();
        config.SetProperty("displaylogo", false);
        config.SetProperty("modeBarButtonsToRemove", new[] { "select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d" });
        config.SetProperty("toImageButtonOptions", Obj(("scale", 2)));
        return GenericChart.NewMultiChart(ListModule.OfSeq(traces), layout, config, new DisplayOptions());
    }

    private static T Fill<T>(T target, (string Key, object? Value)[] properties) where T : DynObject
    {
        foreach (var (key, value) in properties.Where(p => p.Value is not null))
            target.SetProperty(key, value!);
        return target;
    }
}
