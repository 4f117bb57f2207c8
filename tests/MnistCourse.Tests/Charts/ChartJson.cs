using System.Text.Json;
using Plotly.NET;

namespace MnistCourse.Tests.Charts;

/// <summary>Reads a chart back as plotly.js JSON, the way the browser will see it.</summary>
internal static class ChartJson
{
    public static JsonElement Figure(GenericChart chart) => JsonDocument.Parse(GenericChart.toFigureJson(chart)).RootElement;

    /// <summary>The chart as the course's notebook engine shows it: a &lt;div&gt; and the &lt;script&gt; that draws into it.</summary>
    public static string Html(GenericChart chart) => GenericChart.toChartHTML(chart);

    public static JsonElement Trace(GenericChart chart, int index = 0) => Figure(chart).GetProperty("data")[index];

    public static JsonElement Layout(GenericChart chart) => Figure(chart).GetProperty("layout");

    public static int TraceCount(GenericChart chart) => Figure(chart).GetProperty("data").GetArrayLength();

    public static List<JsonElement> Annotations(GenericChart chart) =>
        Layout(chart).TryGetProperty("annotations", out var annotations) ? [.. annotations.EnumerateArray()] : [];

    public static List<string> AnnotationTexts(GenericChart chart) =>
        [.. Annotations(chart).Select(a => a.GetProperty("text").GetString()!)];

    public static List<JsonElement> Shapes(GenericChart chart) =>
        Layout(chart).TryGetProperty("shapes", out var shapes) ? [.. shapes.EnumerateArray()] : [];

    public static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>A z matrix as nullable numbers (null = a blank cell).</summary>
    public static double?[][] Matrix(JsonElement z) =>
        [.. z.EnumerateArray().Select(row => row.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble()).ToArray())];

    /// <summary>A blank 28×28 image with a few pixels set.</summary>
    public static float[,] Image(params (int Row, int Col, float Value)[] pixels) => Image(28, 28, pixels);

    public static float[,] Image(int height, int width, params (int Row, int Col, float Value)[] pixels)
    {
        var image = new float[height, width];
        foreach (var (row, col, value) in pixels)
        {
            image[row, col] = value;
        }
        return image;
    }
}
