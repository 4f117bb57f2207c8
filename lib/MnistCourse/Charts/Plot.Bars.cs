using System.Numerics;
using Plotly.NET;
using static MnistCourse.Charts.PlotlyObjects;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// A bar per name, in the given order, with its value written on it (whole numbers as 1,179,776): published vs
    /// measured accuracy, parameters per layer, … Many or long names turn the bars sideways so the names stay readable.
    /// </summary>
    public static GenericChart Bars<T>(IReadOnlyList<string> names, IReadOnlyList<T> values, string? title = null) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0)
            throw new ArgumentException("Expected at least one bar, got no names.", nameof(names));
        CheckOnePer(values, "value per name", names.Count, nameof(values));
        for (var i = 0; i < names.Count; i++)
            if (names[i] is null) throw new ArgumentException($"names[{i}] is null.", nameof(names));

        var widestName = names.Max(n => TextWidth(n, 12));
        var sideways = names.Count > 12 || widestName > 90;
        var numbers = values.Select(v => double.CreateChecked(v)).ToArray();
        var labels = numbers.Select(ValueFormat.Bar).ToArray();
        var widestLabel = labels.Max(l => TextWidth(l, 12));
        var top = string.IsNullOrWhiteSpace(title) ? 24 : 60;
        // A category axis: names like "0".."9" must stay names, not become numbers.
        var categoryAxis = Obj(("type", "category"), ("automargin", true), ("ticks", ""), ("showgrid", false),
            ("autorange", sideways ? "reversed" : null));
        var valueAxis = Obj(("rangemode", "tozero"), ("gridcolor", "#eee"), ("zeroline", true), ("zerolinecolor", "#888"),
            ("automargin", true));

        var trace = Trace("bar",
            ("x", sideways ? numbers : names.ToArray()),
            ("y", sideways ? names.ToArray() : numbers),
            ("orientation", sideways ? "h" : "v"),
            ("text", labels),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("marker", Obj(("color", "#4c78a8"))),
            ("hovertemplate", sideways ? "%{y}: %{x}<extra></extra>" : "%{x}: %{y}<extra></extra>"));
        var layout = Layout(
            ("title", Title(title, gap: sideways ? 12 : 28)),
            ("width", sideways ? 760 : Math.Clamp(80 * names.Count + 120, 360, 960)),
            ("height", sideways ? Math.Clamp(26 * names.Count + top + 50, 200, 1600) : 400),
            ("margin", sideways ? Margin(20, (int)widestLabel + 24, top, 40) : Margin(60, 20, top + 20, 40)),
            ("xaxis", sideways ? valueAxis : categoryAxis), ("yaxis", sideways ? categoryAxis : valueAxis),
            ("bargap", sideways ? 0.25 : 0.35), ("plot_bgcolor", "white"));
        return Chart([trace], layout);
    }
}
