using MnistCourse.Reporting;
using Plotly.NET;
using static MnistCourse.Charts.PlotlyObjects;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// Each result against its tutorial on one accuracy axis: the reference band (what a Keras-faithful port measured
    /// over several seeds) as a shaded span, the published figure (◆), the floor (|) and this run's figure (●, green at
    /// or above the floor, red below; grey for a short run) on a test-accuracy axis zoomed on the figures, so that
    /// differences of a tenth of a point stay visible, which bars starting at zero would hide.
    /// </summary>
    /// <param name="seeds">A reproduction over several seeds (<see cref="ReproductionFile.TryLoad"/>): its runs of these tutorials
    /// are drawn as small dots per seed and their mean with its 95% confidence interval; null draws this run alone.</param>
    public static GenericChart Reproduction(IReadOnlyList<LessonResult> results, string? title = null, ReproductionFile? seeds = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0) throw new ArgumentException("Expected at least one result, got none.", nameof(results));

        var rows = results.Select(r => r.Title).ToArray();
        var banded = results.Where(r => r.ReferenceLow is not null && r.ReferenceHigh is not null).ToArray();
        var traces = new List<Trace>();
        if (banded.Length > 0)
            traces.Add(Trace("bar",
                ("name", "reference band"),
                ("orientation", "h"),
                ("y", banded.Select(r => r.Title).ToArray()),
                ("base", banded.Select(r => r.ReferenceLow!.Value).ToArray()),
                ("x", banded.Select(r => r.ReferenceHigh!.Value - r.ReferenceLow!.Value).ToArray()),
                ("width", 0.45),
                ("marker", Obj(("color", "#c6dbef"))),
                ("customdata", banded.Select(r => $"{r.ReferenceLow:0.0000}–{r.ReferenceHigh:0.0000}").ToArray()),
                ("hovertemplate", "%{y}: reference band %{customdata}<extra></extra>")));
        traces.Add(Marks("floor", results.Select(r => r.Floor), rows, "line-ns-open", "#555", 22));
        traces.Add(Marks("published", results.Select(r => r.PublishedAccuracy), rows, "diamond", "#4c78a8", 13));
        var runSeeds = results.Select(r => r.Seed).Distinct().ToArray();
        var measured = Marks(runSeeds.Length == 1 ? $"measured (seed {runSeeds[0]})" : "measured",
            results.Select(r => r.TestAccuracy), rows, "circle", null, 12);
        measured.SetProperty("marker", Obj(("symbol", "circle"), ("size", 12),
            ("color", results.Select(r => !r.FullRun ? "#999999" : r.ReachesFloor ? "#2ca02c" : "#d62728").ToArray()),
            ("line", Obj(("color", "white"), ("width", 1)))));
        traces.Add(measured);

        var spread = seeds?.Summary.Where(s => results.Any(r => r.Tutorial == s.TutorialId)).ToList() ?? [];
        string RowOf(TutorialReproduction s) => results.First(r => r.Tutorial == s.TutorialId).Title;
        if (spread.Count > 0)
        {
            traces.Add(Trace("scatter",
                ("name", $"seeds ({(seeds!.Quick ? "quick runs" : "./course reproduce")})"),
                ("mode", "markers"),
                ("x", spread.SelectMany(s => s.Accuracies).ToArray()),
                ("y", spread.SelectMany(s => s.Accuracies.Select(_ => RowOf(s))).ToArray()),
                ("customdata", spread.SelectMany(s => s.Seeds).ToArray()),
                ("marker", Obj(("symbol", "circle"), ("size", 7), ("color", "rgba(90,90,90,0.55)"))),
                ("hovertemplate", "%{y}: seed %{customdata}, %{x:.4f}<extra></extra>")));
            traces.Add(Trace("scatter",
                ("name", "mean of the seeds, 95% CI"),
                ("mode", "markers"),
                ("x", spread.Select(s => s.Accuracy.Mean).ToArray()),
                ("y", spread.Select(RowOf).ToArray()),
                ("error_x", Obj(("type", "data"), ("symmetric", false), ("color", "black"), ("thickness", 2), ("width", 6),
                    ("array", spread.Select(s => double.IsNaN(s.Accuracy.ConfidenceHigh) ? 0 : s.Accuracy.ConfidenceHigh - s.Accuracy.Mean).ToArray()),
                    ("arrayminus", spread.Select(s => double.IsNaN(s.Accuracy.ConfidenceLow) ? 0 : s.Accuracy.Mean - s.Accuracy.ConfidenceLow).ToArray()))),
                ("marker", Obj(("symbol", "line-ns"), ("size", 16), ("color", "black"), ("line", Obj(("color", "black"), ("width", 3))))),
                ("customdata", spread.Select(s => s.Verdict.Text).ToArray()),
                ("hovertemplate", "%{y}: mean %{x:.4f} — %{customdata}<extra></extra>")));
        }

        var all = results.SelectMany(r => new double?[] { r.TestAccuracy, r.PublishedAccuracy, r.Floor, r.ReferenceLow, r.ReferenceHigh })
            .Concat(spread.SelectMany(s => s.Accuracies.Select(a => (double?)a).Append(s.Accuracy.ConfidenceLow).Append(s.Accuracy.ConfidenceHigh)))
            .OfType<double>().Where(v => !double.IsNaN(v)).ToArray();
        double pad = Math.Max(0.001, (all.Max() - all.Min()) * 0.12);
        var layout = Layout(
            ("title", Title(title)),
            ("width", 760),
            ("height", Math.Clamp(70 * results.Count + 190, 260, 950)),
            ("margin", Margin(20, 20, string.IsNullOrWhiteSpace(title) ? 24 : 60, 95)),
            ("barmode", "overlay"),
            ("xaxis", Obj(("title", Obj(("text", "test accuracy"), ("standoff", 8))), ("range", new[] { all.Min() - pad, all.Max() + pad }),
                ("tickformat", ".4f"), ("gridcolor", "#eee"), ("zeroline", false), ("automargin", true))),
            ("yaxis", Obj(("type", "category"), ("autorange", "reversed"), ("automargin", true), ("ticks", ""))),
            // the legend at the figure's bottom edge, below the axis title, whatever the number of rows
            ("legend", Obj(("orientation", "h"), ("yref", "container"), ("y", 0.02), ("yanchor", "bottom"), ("x", 0))),
            ("plot_bgcolor", "white"));
        return Chart(traces, layout);
    }

    private static Trace Marks(string name, IEnumerable<double> x, string[] y, string symbol, string? color, int size) =>
        Trace("scatter",
            ("name", name),
            ("mode", "markers"),
            ("x", x.ToArray()),
            ("y", y),
            ("marker", Obj(("symbol", symbol), ("size", size), ("color", color), ("line", Obj(("color", color), ("width", 2))))),
            ("hovertemplate", $"%{{y}}: {name} %{{x:.4f}}<extra></extra>"));
}
