namespace MnistCourse.Charts;

/// <summary>
/// Where each tile of an image grid goes inside one big heatmap.
/// </summary>
/// <remarks>
/// One heatmap with blank (null) cells between tiles draws a hundred digits much faster than a hundred
/// subplots, and its HTML stays small. Coordinates are heatmap cells: row 0 is the top row,
/// column 0 the left column. Tiles fill the grid row by row. When captions are wanted, a band of
/// <see cref="CaptionRows"/> blank rows sits above every tile row to hold them.
/// </remarks>
internal sealed class MosaicLayout
{
    /// <summary>Plans a grid of <paramref name="count"/> tiles of <paramref name="tileHeight"/>×<paramref name="tileWidth"/> cells.</summary>
    /// <param name="count">Number of tiles, at least 1.</param>
    /// <param name="columns">Tiles per row; fewer are used when there are fewer tiles.</param>
    /// <param name="tileHeight">Rows of one tile.</param>
    /// <param name="tileWidth">Columns of one tile.</param>
    /// <param name="captionRows">Blank rows above each tile row for captions; 0 for none.</param>
    /// <param name="gap">Blank cells between neighbouring tiles.</param>
    public MosaicLayout(int count, int columns, int tileHeight, int tileWidth, int captionRows = 0, int gap = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(tileWidth, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(captionRows);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        Count = count;
        Columns = Math.Min(columns, count);
        Rows = (count + Columns - 1) / Columns;
        TileHeight = tileHeight;
        TileWidth = tileWidth;
        Gap = gap;
        // A caption band also separates tile rows, so it is never thinner than the gap.
        CaptionRows = captionRows == 0 ? 0 : Math.Max(captionRows, gap);
    }

    public int Count { get; }
    public int Columns { get; }
    public int Rows { get; }
    public int TileHeight { get; }
    public int TileWidth { get; }
    public int Gap { get; }
    public int CaptionRows { get; }

    /// <summary>Cells between the bottom of one tile row and the top of the next.</summary>
    public int RowGap => CaptionRows > 0 ? CaptionRows : Gap;

    /// <summary>Width of the whole mosaic in cells.</summary>
    public int Width => Columns * TileWidth + (Columns - 1) * Gap;

    /// <summary>Height of the whole mosaic in cells, caption bands included.</summary>
    public int Height => CaptionRows + Rows * TileHeight + (Rows - 1) * RowGap;

    /// <summary>Top-left cell of tile <paramref name="index"/>.</summary>
    public (int Top, int Left) TileOrigin(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        var row = index / Columns;
        var column = index % Columns;
        return (CaptionRows + row * (TileHeight + RowGap), column * (TileWidth + Gap));
    }

    /// <summary>True when cell row <paramref name="y"/> crosses a tile, false in a gap or caption band.</summary>
    public bool IsTileRow(int y)
    {
        if (y < CaptionRows || y >= Height)
        {
            return false;
        }
        return (y - CaptionRows) % (TileHeight + RowGap) < TileHeight;
    }

    /// <summary>
    /// The cell rows that the heatmap lists explicitly (its <c>y</c> array): every tile row, and only the first and
    /// last row of each blank band.
    /// </summary>
    /// <remarks>
    /// plotly.js stretches each listed row halfway to its neighbours, so two null rows fill a blank band of any
    /// height exactly, while tile rows stay one cell high. That keeps caption bands from filling the HTML with nulls.
    /// </remarks>
    public int[] ListedRows()
    {
        var rows = new List<int>(Height);
        for (var y = 0; y < Height; y++)
        {
            var blankEdge = !IsTileRow(y) && (y == 0 || IsTileRow(y - 1) || y == Height - 1 || IsTileRow(y + 1));
            if (IsTileRow(y) || blankEdge)
            {
                rows.Add(y);
            }
        }
        return [.. rows];
    }

    /// <summary>
    /// The heatmap's z matrix, one row per entry of <see cref="ListedRows"/>: tile pixels converted by
    /// <paramref name="cell"/>, <c>null</c> (drawn as nothing) in gaps and bands.
    /// </summary>
    public object?[][] Compose(IReadOnlyList<float[,]> tiles, Func<float, object?> cell)
    {
        if (tiles.Count != Count)
        {
            throw new ArgumentException($"Expected {Count} tiles, got {tiles.Count}.", nameof(tiles));
        }
        var listed = ListedRows();
        var rowOf = new int[Height];
        Array.Fill(rowOf, -1);
        var z = new object?[listed.Length][];
        for (var i = 0; i < listed.Length; i++)
        {
            rowOf[listed[i]] = i;
            z[i] = new object?[Width];
        }
        for (var i = 0; i < Count; i++)
        {
            var (top, left) = TileOrigin(i);
            var tile = tiles[i];
            for (var r = 0; r < TileHeight; r++)
            {
                var row = z[rowOf[top + r]];
                for (var c = 0; c < TileWidth; c++)
                {
                    row[left + c] = cell(tile[r, c]);
                }
            }
        }
        return z;
    }
}
