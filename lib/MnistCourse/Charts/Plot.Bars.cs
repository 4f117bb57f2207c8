using Plotly.NET;
using static MnistCourse.Charts.PlotlyObjects;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// A bar per name with its value written on it: published vs measured accuracy, parameters per layer, …
    /// Many or long names turn the bars sideways so the names stay readable.
    /// </summary>
    /// <param name="names">One name per bar, drawn in the given order.</param>
    /// <param name="values">One value per name.</param>
    /// <param name="title">Title above the bars.</param>
    /// <example><code>Plot.Bars(new[] { "LeNet-5 (1998)", "our CNN" }, new[] { 0.9905, 0.9912 }, title: "test accuracy")</code></example>
    /// <exception cref="ArgumentException">No names, a null name, or a different number of values than names.</exception>
    public static GenericChart Bars(IReadOnlyList<string> names, IReadOnlyList<double> values, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count == 0)
        {
            throw new ArgumentException("Expected at least one bar, got no names.", nameof(names));
        }
        if (values.Count != names.Count)
        {
            throw new ArgumentException($"Expected one value per name ({names.Count}), got {values.Count} values.", nameof(values));
        }
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] is null)
            {
                throw new ArgumentException($"names[{i}] is null.", nameof(names));
            }
        }

        var widestName = names.Max(n => MosaicChart.EstimateTextWidth(n, 12));
        var sideways = names.Count > 12 || widestName > 90;
        var labels = values.Select(ValueFormat.Bar).ToArray();
        var widestLabel = labels.Max(l => MosaicChart.EstimateTextWidth(l, 12));
        var top = string.IsNullOrWhiteSpace(title) ? 24 : 60;
        // A category axis: names like "0".."9" must stay names, not become numbers.
        var categoryAxis = Obj(("type", "category"), ("automargin", true), ("ticks", ""), ("showgrid", false),
            ("autorange", sideways ? "reversed" : null));
        var valueAxis = Obj(("rangemode", "tozero"), ("gridcolor", "#eee"), ("zeroline", true), ("zerolinecolor", "#888"),
            ("automargin", true));

        var trace = Trace("bar",
            ("x", sideways ? values.ToArray() : names.ToArray()),
            ("y", sideways ? names.ToArray() : values.ToArray()),
            ("orientation", sideways ? "h" : "v"),
            ("text", labels),
            ("textposition", "outside"),
            ("cliponaxis", false),
            ("marker", Obj(("color", "#4c78a8"))),
            ("hovertemplate", sideways ? "%{y}: %{x}<extra></extra>" : "%{x}: %{y}<extra></extra>"));
        var layout = sideways
            ? Layout(
                ("title", Title(title)),
                ("width", 760),
                ("height", Math.Clamp(26 * names.Count + top + 50, 200, 1600)),
                ("margin", Margin(20, (int)widestLabel + 24, top, 40)),
                ("xaxis", valueAxis), ("yaxis", categoryAxis),
                ("bargap", 0.25), ("plot_bgcolor", "white"))
            : Layout(
                ("title", Title(title, gap: 28)),
                ("width", Math.Clamp(80 * names.Count + 120, 360, 960)),
                ("height", 400),
                ("margin", Margin(60, 20, top + 20, 40)),
                ("xaxis", categoryAxis), ("yaxis", valueAxis),
                ("bargap", 0.35), ("plot_bgcolor", "white"));
        return Chart([trace], layout);
    }

    /// <summary>Bars for whole numbers, e.g. parameter counts per layer; otherwise the same as the <c>double</c> overload.</summary>
    /// <example><code>Plot.Bars(new[] { "conv1", "conv2", "fc1", "fc2" }, new long[] { 320, 18_496, 1_179_776, 1_290 }, title: "parameters")</code></example>
    public static GenericChart Bars(IReadOnlyList<string> names, IReadOnlyList<long> values, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Bars(names, values.Select(v => (double)v).ToArray(), title);
    }

    /// <summary>Bars for whole numbers, e.g. images per class; otherwise the same as the <c>double</c> overload.</summary>
    public static GenericChart Bars(IReadOnlyList<string> names, IReadOnlyList<int> values, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Bars(names, values.Select(v => (double)v).ToArray(), title);
    }
}
