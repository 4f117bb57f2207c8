using System.Globalization;
using MnistCourse.Layers;
using MnistCourse.Models;
using Plotly.NET;
using static MnistCourse.Charts.PlotlyObjects;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// A model's shape flow, left to right: one box per layer, as tall as its feature maps' side (flat vectors:
    /// narrow bars), wider with more channels, captioned with the output shape above and the layer's name and
    /// weights below. Layers that change neither shape nor weights (Activation, Dropout) are named under the box before.
    /// </summary>
    public static GenericChart Architecture(Sequential model, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Layers.Count == 0 || model.InputShape is null)
            throw new ArgumentException("the model has no layers yet: add layers, the first with an inputShape.", nameof(model));

        var boxes = new List<ArchitectureBox> { new("input", "", model.InputShape, 0) };
        foreach (var layer in model.Layers)
        {
            long weights = layer.CountParams();
            if (weights == 0 && layer.OutputShape.Equals(boxes[^1].Shape) && boxes.Count > 1)
                boxes[^1] = boxes[^1] with { Merged = [.. boxes[^1].Merged, layer.Name] };
            else boxes.Add(new ArchitectureBox(layer.Name, layer.TypeName, layer.OutputShape, weights));
        }

        const double lineHeight = 14;
        double slot = Math.Max(96, boxes.Max(b => b.Caption.Max(line => TextWidth(line, 10.5))) + 14);
        double labelSpace = lineHeight * boxes.Max(b => b.Caption.Count) + 4;
        double tallest = boxes.Max(b => b.Height);
        var shapes = new List<object>();
        var annotations = new List<object>();
        for (var i = 0; i < boxes.Count; i++)
        {
            var box = boxes[i];
            double centre = slot * (i + 0.5), half = box.Width / 2;
            shapes.Add(Obj(("type", "rect"), ("x0", centre - half), ("x1", centre + half),
                ("y0", -box.Height / 2), ("y1", box.Height / 2),
                ("fillcolor", box.Color), ("line", Obj(("color", "#444"), ("width", 1)))));
            if (i > 0)
                annotations.Add(Obj(("x", centre - half - 4), ("y", 0), ("ax", slot * (i - 0.5) + boxes[i - 1].Width / 2 + 4), ("ay", 0),
                    ("xref", "x"), ("yref", "y"), ("axref", "x"), ("ayref", "y"), ("text", ""),
                    ("showarrow", true), ("arrowhead", 2), ("arrowsize", 1), ("arrowwidth", 1.2), ("arrowcolor", "#777")));
            annotations.Add(Label(centre, box.Height / 2 + 4, box.ShapeText, "bottom", 12, "#222"));
            annotations.Add(Label(centre, -tallest / 2 - 6, string.Join("<br>", box.Caption), "top", 10.5, "#444"));
        }

        var hover = Trace("scatter",
            ("x", boxes.Select((_, i) => slot * (i + 0.5)).ToArray()),
            ("y", boxes.Select(_ => 0.0).ToArray()),
            ("mode", "markers"), ("marker", Obj(("opacity", 0), ("size", 24))),
            ("text", boxes.Select(b => $"{b.Name} {b.TypeName}: {b.Shape}").ToArray()),
            ("hovertemplate", "%{text}<extra></extra>"));
        int top = string.IsNullOrWhiteSpace(title) ? 28 : 64;
        double width = slot * boxes.Count, yLow = -tallest / 2 - 6 - labelSpace, yHigh = tallest / 2 + 24;
        var layout = Layout(
            ("title", Title(title)),
            ("width", (int)Math.Round(width) + 16),
            ("height", (int)Math.Round(yHigh - yLow) + top + 8),
            ("margin", Margin(8, 8, top, 8)),
            ("xaxis", Obj(("visible", false), ("range", new[] { 0, width }), ("fixedrange", true))),
            ("yaxis", Obj(("visible", false), ("range", new[] { yLow, yHigh }), ("fixedrange", true))),
            ("plot_bgcolor", "white"), ("showlegend", false),
            ("shapes", shapes), ("annotations", annotations));
        return Chart([hover], layout);
    }

    private static object Label(double x, double y, string text, string anchor, double size, string color) =>
        Obj(("x", x), ("y", y), ("xref", "x"), ("yref", "y"), ("text", text), ("showarrow", false),
            ("yanchor", anchor), ("xanchor", "center"), ("font", Obj(("size", size), ("color", color))));

    /// <summary>One box of <see cref="Architecture"/>: sized from the layer's output shape.</summary>
    private sealed record ArchitectureBox(string Name, string TypeName, Shape Shape, long Weights)
    {
        /// <summary>Shape-keeping layers drawn in this box (Activation, Dropout).</summary>
        public IReadOnlyList<string> Merged { get; init; } = [];

        /// <summary>The lines under the box: its name, "+ name" per merged layer, its weights.</summary>
        public IReadOnlyList<string> Caption =>
        [
            Name, .. Merged.Select(m => "+ " + m),
            .. Weights > 0 ? new[] { Weights.ToString("N0", CultureInfo.InvariantCulture) + " weights" } : [],
        ];

        private bool IsMap => Shape.Rank == 3;

        /// <summary>Pixels: the map's side (28 → 140), or for a vector a bar growing with the log of its length.</summary>
        public double Height => IsMap ? 5.0 * Shape[0] : Math.Min(160, 32 * Math.Log10(Shape[0] + 1));

        /// <summary>Pixels: wider with more channels (1 → 10, 64 → 46); vectors are thin bars.</summary>
        public double Width => IsMap ? 10 + 6 * Math.Log2(Shape[2]) : 10;

        public string ShapeText => string.Join("×", Shape.Dims);

        public string Color => TypeName switch
        {
            "" => "#d9d9d9",
            nameof(Conv2D) => "#4c78a8",
            nameof(MaxPooling2D) => "#f58518",
            nameof(Dense) => "#54a24b",
            _ => "#bab0ac",
        };
    }
}
