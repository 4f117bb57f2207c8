using MnistCourse.Training;
using Plotly.NET;
using static MnistCourse.Charts.PlotlyObjects;

namespace MnistCourse.Charts;

public static partial class Plot
{
    private const string TrainingColor = "#1f77b4";
    private const string ValidationColor = "#ff7f0e";

    /// <summary>
    /// Loss and accuracy per epoch, side by side, training solid and validation dashed: the picture that shows overfitting.
    /// </summary>
    /// <param name="history">Like Keras' <c>History.history</c>: keys among "loss", "accuracy", "val_loss", "val_accuracy"
    /// ("acc"/"val_acc" are accepted too), each with one value per epoch (a list or an array). A missing panel's keys may be left out.</param>
    public static GenericChart TrainingCurves<TSeries>(IReadOnlyDictionary<string, TSeries> history, string? title = null)
        where TSeries : IReadOnlyList<double>
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0)
            throw new ArgumentException(
                "Expected at least one series, e.g. \"loss\"; the history is empty.", nameof(history));
        var series = new List<(string Metric, bool Validation, IReadOnlyList<double> Values)>();
        foreach (var (key, values) in history)
        {
            // Keras' History keys, and the "acc" spelling of older Keras.
            var validation = key?.StartsWith("val_", StringComparison.OrdinalIgnoreCase) == true;
            var metric = key?[(validation ? 4 : 0)..].ToLowerInvariant() switch { "loss" => "loss", "accuracy" or "acc" => "accuracy", _ => null };
            if (metric is null)
                throw new ArgumentException(
                    $"Unknown history key \"{key}\"; expected keys among \"loss\", \"accuracy\", \"val_loss\", \"val_accuracy\".",
                    nameof(history));
            if (values is null || values.Count == 0)
                throw new ArgumentException($"history[\"{key}\"] has no values; expected one value per epoch.", nameof(history));
            if (series.Any(s => s.Metric == metric && s.Validation == validation))
                throw new ArgumentException($"history has two keys for the same curve (\"{key}\" and its alias).", nameof(history));
            series.Add((metric, validation, values));
        }

        var panels = new[] { "loss", "accuracy" }.Where(m => series.Any(s => s.Metric == m)).ToList();
        var traces = new List<Trace>();
        var legendShown = new HashSet<bool>();
        // Training first, so it is also first in the legend.
        foreach (var (metric, validation, values) in series.OrderBy(s => panels.IndexOf(s.Metric)).ThenBy(s => s.Validation))
        {
            var panel = panels.IndexOf(metric);
            var role = validation ? "validation" : "training";
            var color = validation ? ValidationColor : TrainingColor;
            traces.Add(Trace("scatter",
                ("x", Enumerable.Range(1, values.Count).ToArray()),
                ("y", values.ToArray()),
                ("mode", values.Count <= 30 ? "lines+markers" : "lines"),
                ("name", role),
                ("legendgroup", role),
                ("showlegend", legendShown.Add(validation)),
                ("line", Obj(("color", color), ("width", 2), ("dash", validation ? "dash" : "solid"))),
                ("marker", Obj(("color", color), ("size", 6))),
                ("xaxis", panel == 0 ? "x" : "x2"),
                ("yaxis", panel == 0 ? "y" : "y2"),
                ("hovertemplate", $"epoch %{{x}}<br>{metric} %{{y:.4f}}<extra>{role}</extra>")));
        }

        var epochs = series.Max(s => s.Values.Count);
        var layoutProperties = new List<(string, object?)>
        {
            // Above the panel titles.
            ("title", Title(title, gap: 34)),
            ("width", panels.Count == 2 ? 900 : 500),
            ("height", 380),
            ("margin", Margin(60, 20, string.IsNullOrWhiteSpace(title) ? 40 : 90, 80)),
            ("showlegend", true),
            ("legend", Obj(("orientation", "h"), ("x", 0.5), ("xanchor", "center"), ("y", -0.22), ("yanchor", "top"))),
            ("hovermode", "closest"),
            ("plot_bgcolor", "white"),
        };
        var annotations = new List<object>();
        for (var p = 0; p < panels.Count; p++)
        {
            var domain = panels.Count == 1 ? new[] { 0.0, 1.0 } : p == 0 ? new[] { 0.0, 0.44 } : new[] { 0.56, 1.0 };
            var suffix = p == 0 ? "" : "2";
            var isFractionAccuracy = panels[p] == "accuracy" &&
                series.Where(s => s.Metric == "accuracy").SelectMany(s => s.Values).All(v => double.IsNaN(v) || v is >= 0 and <= 1);
            layoutProperties.Add(("xaxis" + suffix, Obj(
                ("domain", domain), ("anchor", "y" + suffix),
                ("title", Obj(("text", "epoch"), ("standoff", 4))),
                ("dtick", epochs <= 15 ? 1 : null), ("tick0", 1),
                ("showline", true), ("linecolor", "#888"), ("gridcolor", "#eee"), ("zeroline", false))));
            layoutProperties.Add(("yaxis" + suffix, Obj(
                ("anchor", "x" + suffix),
                // d3 "~" drops trailing zeros: ticks read 98%, 98.5%.
                ("tickformat", isFractionAccuracy ? ".1~%" : null),
                ("showline", true), ("linecolor", "#888"), ("gridcolor", "#eee"), ("zeroline", false))));
            annotations.Add(Obj(
                ("text", panels[p] == "loss" ? "Loss" : "Accuracy"),
                ("xref", "paper"), ("yref", "paper"), ("x", (domain[0] + domain[1]) / 2), ("y", 1),
                ("xanchor", "center"), ("yanchor", "bottom"), ("yshift", 6), ("showarrow", false),
                ("font", Obj(("size", 14)))));
        }
        layoutProperties.Add(("annotations", annotations));
        return Chart(traces, Layout([.. layoutProperties]));
    }

    /// <summary>Loss and accuracy per epoch, training solid and validation dashed.</summary>
    public static GenericChart TrainingCurves(History history, string? title = null) => TrainingCurves(history.Values, title);
}
