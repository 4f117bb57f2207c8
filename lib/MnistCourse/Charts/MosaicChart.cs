using Plotly.NET;
using static MnistCourse.Charts.PlotlyObjects;

namespace MnistCourse.Charts;

/// <summary>Draws equally sized images as one captioned heatmap mosaic (shared by digits, mistakes and feature maps).</summary>
internal static class MosaicChart
{
    private const double CaptionFontSize = 11;
    private const double MaxPlotWidth = 960;

    // Boxed once: most MNIST pixels are exactly 0, and "0" is half the JSON of "0.0".
    private static readonly object Zero = 0;

    /// <summary>What differs between the mosaic charts.</summary>
    /// <param name="TargetTilePixels">Preferred on-screen size of a tile's longer side.</param>
    /// <param name="FrameTiles">Draw a hairline around each tile (white tiles on a white page need it).</param>
    /// <param name="HoverLabel">Word shown before the value on hover.</param>
    public sealed record Style(ColorScale Scale, double ZMin, double ZMax, double TargetTilePixels, bool FrameTiles, string HoverLabel);

    /// <summary>
    /// The chart, from validated tiles of one shape; <paramref name="frames"/> puts a red frame per tile, in the tile's own
    /// rows and columns (e.g. where a kernel sits).
    /// </summary>
    public static GenericChart Build(IReadOnlyList<float[,]> tiles, IReadOnlyList<string>? captions, int columns, string? title, Style style,
        IReadOnlyList<(int Row, int Col, int Height, int Width)>? frames = null)
    {
        var tileHeight = tiles[0].GetLength(0);
        var tileWidth = tiles[0].GetLength(1);
        var shownColumns = Math.Min(columns, tiles.Count);
        var hasCaptions = captions is not null && captions.Any(c => !string.IsNullOrEmpty(c));

        // Pixels per cell: big enough for the preferred tile size and for the widest caption,
        // small enough that the whole grid fits a notebook column.
        var scale = style.TargetTilePixels / Math.Max(tileHeight, tileWidth);
        if (hasCaptions)
        {
            var widestCaption = captions!.Max(c => TextWidth(c, CaptionFontSize));
            scale = Math.Max(scale, (widestCaption + 6) / (tileWidth + 1));
        }
        scale = Math.Min(scale, MaxPlotWidth / (shownColumns * tileWidth + (shownColumns - 1)));
        var captionRows = hasCaptions ? (int)Math.Ceiling(CaptionFontSize * 1.7 / scale) : 0;
        var mosaic = new MosaicLayout(tiles.Count, shownColumns, tileHeight, tileWidth, captionRows);

        // Two decimals: 100 grey levels look the same as 256 and keep the JSON short.
        var z = mosaic.Compose(tiles, v => float.IsNaN(v) ? null : v == 0 ? Zero : Math.Round((double)v, 2));
        var heatmap = Trace("heatmap",
            ("z", z),
            ("y", mosaic.ListedRows()),
            ("zmin", style.ZMin),
            ("zmax", style.ZMax),
            ("colorscale", style.Scale.ToPlotly()),
            ("showscale", false),
            ("hoverongaps", false),
            ("hovertemplate", $"{style.HoverLabel} %{{z:.2f}}<extra></extra>"));

        var annotations = new List<object>();
        var shapes = new List<object>();
        for (var i = 0; i < tiles.Count; i++)
        {
            var (top, left) = mosaic.TileOrigin(i);
            if (hasCaptions && !string.IsNullOrEmpty(captions![i]))
                annotations.Add(Obj(
                    ("text", captions[i]),
                    ("x", left + (tileWidth - 1) / 2.0), ("xref", "x"),
                    ("y", top - 0.5), ("yref", "y"),
                    ("yanchor", "bottom"), ("xanchor", "center"), ("yshift", 1),
                    ("showarrow", false),
                    ("font", Obj(("size", CaptionFontSize)))));
            if (frames is not null)
            {
                var f = frames[i];
                shapes.Add(CellFrame(top + f.Row, left + f.Col, f.Height, f.Width, "#e8291c", 2.5));
            }
            if (style.FrameTiles)
                shapes.Add(CellFrame(top, left, tileHeight, tileWidth, "#c8c8c8", 1));
        }

        var topMargin = string.IsNullOrWhiteSpace(title) ? 8 : 56;
        var layout = Layout(
            ("title", Title(title)),
            ("width", WidthForTitle((int)Math.Round(mosaic.Width * scale) + 16, title)),
            ("height", (int)Math.Round(mosaic.Height * scale) + topMargin + 8),
            ("margin", Margin(8, 8, topMargin, 8)),
            ("xaxis", Obj(("visible", false), ("range", new[] { -0.5, mosaic.Width - 0.5 }), ("constrain", "domain"))),
            // Reversed range: row 0 at the top, like an image. Equal scale: square pixels.
            ("yaxis", Obj(("visible", false), ("range", new[] { mosaic.Height - 0.5, -0.5 }),
                ("scaleanchor", "x"), ("scaleratio", 1), ("constrain", "domain"))),
            ("plot_bgcolor", "white"),
            ("annotations", annotations.Count > 0 ? annotations : null),
            ("shapes", shapes.Count > 0 ? shapes : null));
        return Chart([heatmap], layout);
    }
}
