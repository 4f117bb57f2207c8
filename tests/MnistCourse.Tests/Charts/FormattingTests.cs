using MnistCourse.Charts;

namespace MnistCourse.Tests.Charts;

public class FormattingTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(-2.0, "-2")]
    [InlineData(0.33333, "0.333")]
    [InlineData(-0.125, "-0.125")]
    [InlineData(12.3456, "12.35")]
    [InlineData(1234.56, "1234.6")]
    [InlineData(-0.0001, "0")]
    [InlineData(double.NaN, "")]
    public void CellLabelsAreShortAndCultureFree(double value, string expected) =>
        Assert.Equal(expected, ValueFormat.Cell(value));

    [Theory]
    [InlineData(1_199_882.0, "1,199,882")]
    [InlineData(0.99213, "0.9921")]
    [InlineData(12.0, "12")]
    public void BarLabels(double value, string expected) => Assert.Equal(expected, ValueFormat.Bar(value));

    [Fact]
    public void FloatsWidenToTheirShortestDecimal()
    {
        Assert.Equal(0.1, ValueFormat.Widen(0.1f));
        Assert.True(double.IsNaN(ValueFormat.Widen(float.NaN)));
    }

    [Fact]
    public void ContrastTextFollowsTheColourUnderneath()
    {
        Assert.Equal("#222", ColorScale.Greys.TextColorAt(0));
        Assert.Equal("white", ColorScale.Greys.TextColorAt(1));
        Assert.Equal("white", ColorScale.Viridis.TextColorAt(0));   // dark purple
        Assert.Equal("#222", ColorScale.Viridis.TextColorAt(1));    // yellow
        Assert.Null(ColorScale.Parse("Jet", "colorScale").TextColorAt(0.5));
    }
}
