using System.Globalization;
using Plotly.NET;
using static MnistCourse.Charts.PlotlyObjects;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// Which digits get mistaken for which: true label down the side (0 at the top), predicted label along the bottom,
    /// the count written in every cell, each class's accuracy next to its label, the overall accuracy under the title.
    /// <c>matrix[true, predicted]</c> holds counts.
    /// </summary>
    /// <remarks>Cells are shaded by the square root of their share of the row (the fraction of that true class):
    /// the diagonal is dark whatever the class size, and a 1% confusion is still visibly tinted next to it.</remarks>
    public static GenericChart ConfusionMatrix(int[,] matrix, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = matrix.GetLength(0);
        if (n == 0 || matrix.GetLength(1) != n)
            throw new ArgumentException(
                $"Expected a square, non-empty matrix of counts [true, predicted] (10×10 for MNIST), got {ValueFormat.Shape(matrix)}.",
                nameof(matrix));
        foreach (var count in matrix)
            if (count < 0) throw new ArgumentException($"Counts cannot be negative, found {count}.", nameof(matrix));
        var classes = Enumerable.Range(0, n).ToArray();
        var names = classes.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();

        var rowTotals = classes.Select(t => classes.Sum(p => (long)matrix[t, p])).ToArray();
        long total = rowTotals.Sum(), correct = classes.Sum(t => (long)matrix[t, t]);
        string Percent(double fraction) => fraction.ToString("0.0%", CultureInfo.InvariantCulture);
        string ClassAccuracy(int t) => rowTotals[t] > 0 ? Percent((double)matrix[t, t] / rowTotals[t]) : "n/a";

        var share = new double[n, n];
        var hover = new string[n, n];
        var counts = new string[n, n];
        var shades = new double[n, n];
        for (var t = 0; t < n; t++)
        for (var p = 0; p < n; p++)
        {
            var count = matrix[t, p];
            var fraction = rowTotals[t] > 0 ? (double)count / rowTotals[t] : 0;
            shades[t, p] = Math.Sqrt(fraction);
            share[t, p] = Math.Round(shades[t, p], 4);
            counts[t, p] = count.ToString(CultureInfo.InvariantCulture);
            hover[t, p] = $"true {names[t]}, predicted {names[p]}: {count} image{(count == 1 ? "" : "s")}" +
                $"<br>{Percent(fraction)} of the true {names[t]}s<br>accuracy on {names[t]}: {ClassAccuracy(t)}";
        }

        var trace = Trace("heatmap",
            ("z", share),
            ("zmin", 0.0), ("zmax", 1.0),
            ("colorscale", ColorScale.Blues.ToPlotly()),
            ("showscale", false),
            ("xgap", 1), ("ygap", 1),
            ("text", hover),
            ("hovertemplate", "%{text}<extra></extra>"));

        var accuracy = total > 0 ? Percent((double)correct / total) : "n/a";
        var heading = $"{(string.IsNullOrWhiteSpace(title) ? "Confusion matrix" : title)}<br><sup>accuracy {accuracy} on {total.ToString("#,0", CultureInfo.InvariantCulture)} images</sup>";
        var rowLabels = classes.Select(t => $"{names[t]}  <span style=\"font-size:10px;color:#888\">{ClassAccuracy(t)}</span>").ToArray();
        var left = (int)(names.Max(s => TextWidth(s, 12)) + TextWidth(" 100.0%", 10)) + 50;
        int top = 84, bottom = 56, right = 16;
        var cellPixels = Math.Min(48.0, 480.0 / n);
        var plotSize = (int)Math.Round(n * cellPixels);
        var layout = Layout(
            ("title", Title(heading, gap: 16)),
            ("width", plotSize + left + right),
            ("height", plotSize + top + bottom),
            ("margin", Margin(left, right, top, bottom)),
            ("xaxis", Obj(
                ("title", Obj(("text", "predicted label"))),
                ("range", new[] { -0.5, n - 0.5 }), ("tickvals", classes), ("ticktext", names),
                ("showgrid", false), ("zeroline", false), ("ticks", ""), ("constrain", "domain"))),
            ("yaxis", Obj(
                ("title", Obj(("text", "true label  ·  class accuracy"), ("standoff", 12))),
                ("automargin", true),
                ("range", new[] { n - 0.5, -0.5 }), ("tickvals", classes), ("ticktext", rowLabels),
                ("showgrid", false), ("zeroline", false), ("ticks", ""),
                ("scaleanchor", "x"), ("scaleratio", 1), ("constrain", "domain"))),
            ("plot_bgcolor", "#e6e6e6"),
            // Zeros fade out so the eye goes to the mistakes that happened.
            ("annotations", CellTexts(counts, cellPixels, 0.3, 14, (t, p) => matrix[t, p] == 0 ? "#c4c4c4" : ColorScale.Blues.TextColorAt(shades[t, p]))));
        return Chart([trace], layout);
    }
}
