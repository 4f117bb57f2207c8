namespace MnistCourse.Charts;

/// <summary>Where each tile of an image grid goes inside one big heatmap, row by row, one blank cell between neighbours.</summary>
/// <remarks>
/// One heatmap with blank (null) cells between tiles draws a hundred digits much faster than a hundred
/// subplots, and its HTML stays small. Coordinates are heatmap cells, row 0 at the top. When captions are
/// wanted, a band of <paramref name="captionRows"/> blank rows sits above every tile row to hold them.
/// </remarks>
internal sealed class MosaicLayout(int count, int columns, int tileHeight, int tileWidth, int captionRows = 0)
{
    public int Count { get; } = count >= 1 ? count : throw new ArgumentOutOfRangeException(nameof(count), count, "Expected at least 1 tile.");
    public int Columns { get; } = columns >= 1 ? Math.Min(columns, count) : throw new ArgumentOutOfRangeException(nameof(columns), columns, "Expected at least 1 column.");
    public int Rows => (Count + Columns - 1) / Columns;

    /// <summary>Cells between the bottom of one tile row and the top of the next: the caption band, or a 1-cell gap.</summary>
    public int RowGap => Math.Max(captionRows, 1);

    public int Width => Columns * tileWidth + (Columns - 1);
    public int Height => captionRows + Rows * tileHeight + (Rows - 1) * RowGap;

    public (int Top, int Left) TileOrigin(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return (captionRows + index / Columns * (tileHeight + RowGap), index % Columns * (tileWidth + 1));
    }

    private bool IsTileRow(int y) => y >= captionRows && y < Height && (y - captionRows) % (tileHeight + RowGap) < tileHeight;

    /// <summary>
    /// The cell rows that the heatmap lists explicitly (its <c>y</c> array): every tile row, and only the first and
    /// last row of each blank band. plotly.js stretches each listed row halfway to its neighbours, so two null rows
    /// fill a blank band of any height exactly; caption bands do not fill the HTML with nulls.
    /// </summary>
    public int[] ListedRows() =>
        [.. Enumerable.Range(0, Height).Where(y => IsTileRow(y) || y == 0 || IsTileRow(y - 1) || y == Height - 1 || IsTileRow(y + 1))];

    /// <summary>The heatmap's z matrix, one row per listed row: tile pixels converted by <paramref name="cell"/>, null in gaps and bands.</summary>
    public object?[,] Compose(IReadOnlyList<float[,]> tiles, Func<float, object?> cell)
    {
        var listed = ListedRows();
        var rowOf = new int[Height];
        for (var i = 0; i < listed.Length; i++)
            rowOf[listed[i]] = i;
        var z = new object?[listed.Length, Width];
        for (var i = 0; i < Count; i++)
        {
            var (top, left) = TileOrigin(i);
            for (var r = 0; r < tileHeight; r++)
            for (var c = 0; c < tileWidth; c++)
                z[rowOf[top + r], left + c] = cell(tiles[i][r, c]);
        }
        return z;
    }
}
