using System.Globalization;
using System.Numerics;

namespace MnistCourse.Charts;

/// <summary>Short, culture-independent number labels for cells and bars.</summary>
internal static class ValueFormat
{
    /// <summary>
    /// A label that fits in a heatmap cell: integers as integers, fractions with at most three decimals.
    /// <example><c>Cell(1.0) == "1"</c>, <c>Cell(-0.125) == "-0.125"</c>, <c>Cell(0.33333) == "0.333"</c></example>
    /// </summary>
    public static string Cell(double value)
    {
        if (double.IsNaN(value))
            return "";
        if (double.IsInfinity(value))
            return value > 0 ? "∞" : "-∞";
        var magnitude = Math.Abs(value);
        var format = value == Math.Round(value) ? "0" : magnitude < 1 ? "0.###" : magnitude < 100 ? "0.##" : "0.#";
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>
    /// A label for a bar: big integers with thousands separators, other numbers with four significant digits.
    /// <example><c>Bar(1199882) == "1,199,882"</c>, <c>Bar(0.9921) == "0.9921"</c></example>
    /// </summary>
    public static string Bar(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
            return value.ToString(CultureInfo.InvariantCulture);
        if (value == Math.Round(value) && Math.Abs(value) < 1e15)
            return value.ToString("#,0", CultureInfo.InvariantCulture);
        return value.ToString("G4", CultureInfo.InvariantCulture);
    }

    /// <summary>A number as a double; a float as the shortest decimal that round-trips, so 0.1f is drawn as 0.1 and not 0.100000001.</summary>
    public static double Widen<T>(T value) where T : INumber<T> =>
        value is float single && float.IsFinite(single)
            ? double.Parse(single.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
            : double.CreateChecked(value);

    /// <summary>The shape of a 2D array as "rows×columns".</summary>
    public static string Shape<T>(T[,] array) => $"{array.GetLength(0)}×{array.GetLength(1)}";
}
