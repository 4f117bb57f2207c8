using MnistCourse.Charts;

namespace MnistCourse.Tests.Charts;

public class MosaicLayoutTests
{
    [Fact]
    public void SevenTilesInThreeColumnsFillThreeRowsLeftToRight()
    {
        var mosaic = new MosaicLayout(count: 7, columns: 3, tileHeight: 4, tileWidth: 5);

        Assert.Equal(3, mosaic.Columns);
        Assert.Equal(3, mosaic.Rows);
        Assert.Equal(3 * 5 + 2, mosaic.Width);   // three tiles, two 1-cell gaps
        Assert.Equal(3 * 4 + 2, mosaic.Height);
        Assert.Equal((0, 0), mosaic.TileOrigin(0));
        Assert.Equal((0, 12), mosaic.TileOrigin(2));
        Assert.Equal((5, 6), mosaic.TileOrigin(4));
        Assert.Equal((10, 0), mosaic.TileOrigin(6));   // the lonely last tile starts the third row
        Assert.Throws<ArgumentOutOfRangeException>(() => mosaic.TileOrigin(7));
    }

    [Fact]
    public void CaptionBandsSitAboveEveryTileRow()
    {
        var mosaic = new MosaicLayout(count: 7, columns: 3, tileHeight: 4, tileWidth: 5, captionRows: 3);

        Assert.Equal(3 + 3 * 4 + 2 * 3, mosaic.Height);
        Assert.Equal((3, 0), mosaic.TileOrigin(0));
        Assert.Equal((3 + 4 + 3, 6), mosaic.TileOrigin(4));
        Assert.Equal((3 + 2 * (4 + 3), 0), mosaic.TileOrigin(6));
    }

    [Fact]
    public void FewerTilesThanColumnsMakeOneShortRow()
    {
        var mosaic = new MosaicLayout(count: 4, columns: 10, tileHeight: 28, tileWidth: 28);

        Assert.Equal(4, mosaic.Columns);
        Assert.Equal(1, mosaic.Rows);
        Assert.Equal(4 * 28 + 3, mosaic.Width);
        Assert.Equal(28, mosaic.Height);
    }

    [Fact]
    public void ListedRowsKeepTileRowsAndOnlyTheEdgesOfBlankBands()
    {
        var mosaic = new MosaicLayout(count: 5, columns: 3, tileHeight: 2, tileWidth: 2, captionRows: 3);

        // band 0..2, tiles 3..4, band 5..7, tiles 8..9
        Assert.Equal([0, 2, 3, 4, 5, 7, 8, 9], mosaic.ListedRows());
    }

    [Fact]
    public void ComposePutsEveryPixelAtItsTileOriginAndLeavesGapsBlank()
    {
        var mosaic = new MosaicLayout(count: 5, columns: 2, tileHeight: 3, tileWidth: 4, captionRows: 2);
        var tiles = Enumerable.Range(0, 5).Select(i =>
        {
            var tile = new float[3, 4];
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 4; c++)
                {
                    tile[r, c] = 100 * i + 10 * r + c + 1;
                }
            }
            return tile;
        }).ToList();

        var z = mosaic.Compose(tiles, v => (double)v);
        var listed = mosaic.ListedRows();

        Assert.Equal(listed.Length, z.GetLength(0));
        Assert.Equal(mosaic.Width, z.GetLength(1));
        for (var i = 0; i < 5; i++)
        {
            var (top, left) = mosaic.TileOrigin(i);
            for (var r = 0; r < 3; r++)
            {
                for (var c = 0; c < 4; c++)
                {
                    Assert.Equal(100.0 * i + 10 * r + c + 1, z[Array.IndexOf(listed, top + r), left + c]);
                }
            }
        }
        var filled = z.Cast<object?>().Count(v => v is not null);
        Assert.Equal(5 * 3 * 4, filled);   // nothing but tile pixels is drawn
    }

    [Fact]
    public void RejectsImpossiblePlans()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MosaicLayout(0, 3, 28, 28));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MosaicLayout(3, 0, 28, 28));
    }
}
