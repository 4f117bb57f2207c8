using System.Numerics;
using Plotly.NET;
using static MnistCourse.Charts.PlotlyObjects;
using DynObject = DynamicObj.DynamicObj;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>Arrays up to this many rows and columns get their numbers written in the cells.</summary>
    public const int ShowValuesUpTo = 12;

    /// <summary>
    /// A 2D array as coloured cells, row 0 at the top: an image, a kernel, a convolution result.
    /// Small arrays (up to <see cref="ShowValuesUpTo"/>×<see cref="ShowValuesUpTo"/>) also show their numbers; larger ones a colour bar.
    /// </summary>
    /// <param name="colorScale">"Greys" (white = low, black = high, like MNIST ink), "Blues", "Reds", "Viridis",
    /// or the diverging "RdBu"/"RdBu_r", which are centred on 0 (good for kernels with negative weights).
    /// Other plotly.js scale names are passed through.</param>
    /// <param name="highlight">A red frame around a window, e.g. where the kernel sits while it slides:
    /// <c>(1, 2, 3, 3)</c> frames the 3×3 window at row 1, column 2.</param>
    public static GenericChart Heatmap<T>(T[,] values, string? title = null, string colorScale = "Greys",
        (int Row, int Col, int Height, int Width)? highlight = null) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0), cols = values.GetLength(1);
        if (rows == 0 || cols == 0)
            throw new ArgumentException($"Expected at least one row and one column, got {rows}×{cols}.", nameof(values));
        var scale = ColorScale.Parse(colorScale, nameof(colorScale));
        if (highlight is { } h && (h.Row < 0 || h.Col < 0 || h.Height < 1 || h.Width < 1 || h.Row + h.Height > rows || h.Col + h.Width > cols))
            throw new ArgumentOutOfRangeException(nameof(highlight), highlight,
                $"Expected a window inside the {rows}×{cols} array, got {h.Height}×{h.Width} at row {h.Row}, column {h.Col}.");

        var numbers = new double[rows, cols];
        var texts = new string[rows, cols];
        var z = new double?[rows, cols];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < cols; c++)
        {
            numbers[r, c] = ValueFormat.Widen(values[r, c]);
            z[r, c] = double.IsNaN(numbers[r, c]) ? null : numbers[r, c];
            texts[r, c] = ValueFormat.Cell(numbers[r, c]);
        }
        var (zmin, zmax) = ColorRange(numbers, scale.IsDiverging);
        var withNumbers = rows <= ShowValuesUpTo && cols <= ShowValuesUpTo;
        var cellPixels = Math.Min(56.0, 420.0 / Math.Max(rows, cols));

        var trace = Trace("heatmap",
            ("z", z),
            ("zmin", zmin), ("zmax", zmax),
            ("colorscale", scale.ToPlotly()),
            ("showscale", !withNumbers),
            ("colorbar", withNumbers ? null : Obj(("thickness", 12), ("outlinewidth", 0), ("len", 1.0))),
            // Thin gaps make the cells of small arrays countable; the plot background shows through them.
            ("xgap", withNumbers ? 1 : null), ("ygap", withNumbers ? 1 : null),
            ("hoverongaps", false),
            ("hovertemplate", "row %{y}, col %{x}: %{z}<extra></extra>"));

        int left = 36, right = withNumbers ? 12 : 80, top = string.IsNullOrWhiteSpace(title) ? 12 : 56, bottom = 28;
        DynObject Axis(double[] range, params (string, object?)[] more) => Obj(
        [
            ("range", range), ("dtick", withNumbers ? 1 : null), ("tick0", 0),
            ("showgrid", false), ("zeroline", false), ("ticks", ""), ("tickfont", Obj(("size", 10), ("color", "#777"))),
            // A hairline frame: a white image on a white page needs an edge.
            ("showline", true), ("mirror", true), ("linecolor", "#c8c8c8"), ("linewidth", 1),
            ("constrain", "domain"), .. more,
        ]);
        var layout = Layout(
            ("title", Title(title)),
            ("width", WidthForTitle((int)Math.Round(cols * cellPixels) + left + right, title)),
            ("height", (int)Math.Round(rows * cellPixels) + top + bottom),
            ("margin", Margin(left, right, top, bottom)),
            ("xaxis", Axis([-0.5, cols - 0.5])),
            ("yaxis", Axis([rows - 0.5, -0.5], ("scaleanchor", "x"), ("scaleratio", 1))),
            ("plot_bgcolor", "#d9d9d9"),
            ("annotations", withNumbers ? CellTexts(texts, cellPixels, 0.34, 16, (r, c) => scale.TextColorAt((numbers[r, c] - zmin) / (zmax - zmin))) : null),
            ("shapes", highlight is { } w ? new[] { CellFrame(w.Row, w.Col, w.Height, w.Width, "#e8291c", 3) } : null));
        return Chart([trace], layout);
    }

    /// <summary>The values at the two ends of the colour scale: min..max, or ±max|value| for a diverging scale.</summary>
    private static (double Min, double Max) ColorRange(double[,] values, bool diverging)
    {
        var finite = values.Cast<double>().Where(double.IsFinite).ToList();
        if (finite.Count == 0)
            return (0, 1);
        double min = finite.Min(), max = finite.Max();
        if (diverging)
        {
            var extent = Math.Max(Math.Abs(min), Math.Abs(max));
            return extent > 0 ? (-extent, extent) : (-1, 1);
        }
        // A constant array: zeros stay white, anything else takes the colour of its sign's end.
        if (min == max)
            return min > 0 ? (0, min) : min < 0 ? (min, 0) : (0, 1);
        return (min, max);
    }
}
