using System.Text.Json.Nodes;
using MnistCourse.Convolution;

namespace MnistCourse.Tests.Convolution;

/// <summary>
/// Signal against scipy.signal itself: Vectors/scipy_vectors.json holds convolve2d and correlate2d of random integer arrays
/// in every mode, with odd and even kernels (made by Vectors/make_scipy_vectors.py with Debian's python3-scipy).
/// </summary>
public class ScipyVectorTests
{
    public static TheoryData<string, string, int> Cases()
    {
        var data = new TheoryData<string, string, int>();
        var cases = Load()["cases"]!.AsArray();
        for (int i = 0; i < cases.Count; i++)
            data.Add((string)cases[i]!["function"]!, (string)cases[i]!["mode"]!, i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_scipy(string function, string mode, int index)
    {
        var c = Load()["cases"]!.AsArray()[index]!;
        var image = Matrix(c["image"]!);
        var kernel = Matrix(c["kernel"]!);
        var expected = Matrix(c["expected"]!);
        var m = Enum.Parse<ConvolutionMode>(mode, ignoreCase: true);
        var actual = function == "convolve2d" ? Signal.Convolve2D(image, kernel, m) : Signal.Correlate2D(image, kernel, m);
        Assert.True(expected.Cast<long>().SequenceEqual(actual.Cast<long>()) && expected.GetLength(0) == actual.GetLength(0) && expected.GetLength(1) == actual.GetLength(1),
            $"{function} {mode}, image {image.GetLength(0)}×{image.GetLength(1)}, kernel {kernel.GetLength(0)}×{kernel.GetLength(1)}: " +
            $"expected {Show(expected)}, got {Show(actual)}");
    }

    [Fact]
    public void The_vectors_cover_even_kernels_in_same_mode_for_both_functions()
    {
        var cases = Load()["cases"]!.AsArray();
        foreach (var function in new[] { "convolve2d", "correlate2d" })
            Assert.Contains(cases, c => (string)c!["function"]! == function && (string)c["mode"]! == "same" && c["kernel"]!.AsArray().Count % 2 == 0);
    }

    private static JsonNode? _vectors;

    private static JsonNode Load() => _vectors ??= JsonNode.Parse(File.ReadAllText(RepoPaths.InTestOutput(Path.Combine("Convolution", "Vectors", "scipy_vectors.json"))))!;

    private static long[,] Matrix(JsonNode node)
    {
        var rows = node.AsArray();
        var m = new long[rows.Count, rows.Count == 0 ? 0 : rows[0]!.AsArray().Count];
        for (int i = 0; i < m.GetLength(0); i++)
        for (int j = 0; j < m.GetLength(1); j++)
            m[i, j] = (long)rows[i]![j]!;
        return m;
    }

    private static string Show(long[,] m) =>
        "[" + string.Join("; ", Enumerable.Range(0, m.GetLength(0)).Select(i => string.Join(" ", Enumerable.Range(0, m.GetLength(1)).Select(j => m[i, j])))) + "]";
}
