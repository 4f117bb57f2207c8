using System.Text.Json.Nodes;

namespace MnistCourse.Launcher.Tests;

/// <summary>`./course bench --json` prints one object per network with the agreed fields. Timing itself is a benchmark's business, not a test's.</summary>
[Trait("Speed", "Slow")]
public class BenchTests
{
    [Fact]
    public void Bench_json_has_one_line_per_network_with_the_agreed_fields()
    {
        var (exit, output) = DoctorTests.RunLauncher(new Dictionary<string, string?>(), "bench", "--json", "--steps", "3", "--warmup", "1", "lenet-relu");
        Assert.True(exit == 0, output);
        var lines = output.Split('\n').Where(l => l.TrimStart().StartsWith('{')).ToList();
        var row = Assert.Single(lines);
        var json = JsonNode.Parse(row)!;
        Assert.Equal("lenet-relu", (string?)json["network"]);
        Assert.Equal(128, (int)json["batch"]!);
        foreach (var field in new[] { "fit_ms_per_step", "bare_ms_per_step", "peak_rss_mb" })
            Assert.True((double)json[field]! > 0, $"{field} should be positive: {row}");
        Assert.True(json.AsObject().ContainsKey("pytorch_ms_per_step"), "pytorch_ms_per_step must be present (null when PyTorch is absent)");
        Assert.True((bool)json["allocator_tuned"]!);
    }

    [Fact]
    public void Bench_split_prints_each_network_alone_and_at_once_with_their_ratio()
    {
        var (exit, output) = DoctorTests.RunLauncher(new Dictionary<string, string?>(), "bench", "--split", "--steps", "3", "--warmup", "1", "lenet-relu");
        Assert.True(exit == 0, output);
        var row = Assert.Single(output.Split('\n'), l => l.StartsWith("lenet-relu"));
        var figures = row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(f => double.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(5, figures.Length);
        Assert.All(figures, f => Assert.True(f > 0, row));
        Assert.Equal(figures[3] / figures[2], figures[4], 1);   // the ratio is at-once steps/s over alone steps/s
    }
}
