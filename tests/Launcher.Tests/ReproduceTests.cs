using System.CommandLine;
using System.Text.Json.Nodes;
using MnistCourse.Launcher.Commands;

namespace MnistCourse.Launcher.Tests;

/// <summary>`./course reproduce`: its command line, and a quick two-seed reproduction end to end with --resume.</summary>
public class ReproduceTests
{
    [Fact]
    public void Defaults_are_five_seeds_of_every_tutorial()
    {
        var parsed = ReproduceCommand.Command.Parse("");
        Assert.Empty(parsed.Errors);
        var o = ReproduceCommand.Options(parsed);
        Assert.Equal(5, o.Seeds);
        Assert.Equal(["chollet", "lenet-tanh", "lenet-relu", "dropout"], o.Tutorials.Select(t => t.Id));
        Assert.False(o.Quick || o.Resume);
    }

    [Fact]
    public void Options_and_tutorials_come_in_any_order()
    {
        var o = ReproduceCommand.Options(ReproduceCommand.Command.Parse("lenet-relu --seeds 2 --quick chollet --jobs 1 lenet-relu"));
        Assert.Equal((2, true, false, 1), (o.Seeds, o.Quick, o.Resume, o.Jobs));
        Assert.Equal(["lenet-relu", "chollet"], o.Tutorials.Select(t => t.Id));
    }

    [Theory]
    [InlineData("--seeds 0", "--seeds takes a whole number ≥ 1, not '0'.")]
    [InlineData("--jobs x", "--jobs takes a whole number ≥ 1, not 'x'.")]
    [InlineData("--seeds", "Required argument missing for option: '--seeds'.")]
    [InlineData("lenet", "Argument 'lenet' not recognized. Must be one of:")]
    [InlineData("--fast", "'--fast' not recognized")]
    public void Bad_arguments_name_the_fix(string args, string message)
    {
        var errors = ReproduceCommand.Command.Parse(args).Errors.Select(e => e.Message).ToList();
        Assert.Contains(errors, e => e.Contains(message));
    }

    [Fact]
    [Trait("Speed", "Slow")]
    public void Quick_two_seed_reproduction_writes_the_file_and_resume_runs_only_what_is_missing()
    {
        using var temp = new TempFolder();
        var environment = new Dictionary<string, string?> { ["MNISTCOURSE_ARTIFACTS"] = temp.Path };
        var (exit, output) = DoctorTests.RunLauncher(environment, "reproduce", "--quick", "--seeds", "2", "lenet-relu");
        Assert.True(exit == 0, output);
        Assert.Contains("2 lesson run(s) to do; 2 at once, 1 torch thread(s) each", output);
        Assert.Contains("no verdict: quick runs", output);

        var path = Path.Combine(temp.Path, "reproduction.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal([0, 1], json["runs"]!.AsArray().Select(r => (int)r!["seed"]!).Order());
        Assert.All(json["runs"]!.AsArray(), r => Assert.Equal("lenet-relu", (string?)r!["tutorial"]));
        Assert.All(json["runs"]!.AsArray(), r => Assert.InRange((double)r!["test_accuracy"]!, 0.5, 1.0));
        var summary = Assert.Single(json["summary"]!.AsArray());
        Assert.Equal(2, (int)summary!["accuracy"]!["count"]!);
        Assert.True(File.Exists(Path.Combine(temp.Path, "reproduction", "04-lenet-seed1-quick.ipynb")));

        var (again, resumed) = DoctorTests.RunLauncher(environment, "reproduce", "--quick", "--seeds", "3", "--resume", "lenet-relu");
        Assert.True(again == 0, resumed);
        Assert.Contains("1 lesson run(s) to do, 2 tutorial result(s) kept from before", resumed);
        Assert.Equal([0, 1, 2], JsonNode.Parse(File.ReadAllText(path))!["runs"]!.AsArray().Select(r => (int)r!["seed"]!).Order());
    }
}

/// <summary>Two slices of a reproduction, each its own launcher process, merged: the same rows as one run of the whole.</summary>
public class ShardedReproductionTests
{
    private static (double accuracy, double loss)[] Rows(string file) =>
        [.. JsonNode.Parse(File.ReadAllText(file))!["runs"]!.AsArray()
            .OrderBy(r => (int)r!["seed"]!).Select(r => ((double)r!["test_accuracy"]!, (double)r!["test_loss"]!))];

    [Fact]
    [Trait("Speed", "Slow")]
    public void Two_shards_in_separate_processes_merged_give_the_rows_of_one_run()
    {
        using var whole = new TempFolder();
        using var sliced = new TempFolder();
        // The quickest settings: the relu LeNet's lesson, quick, two seeds; --jobs 2 everywhere, so every run has the same torch threads.
        string[] common = ["reproduce", "--quick", "--seeds", "2", "--jobs", "2", "lenet-relu"];
        var (exit, output) = DoctorTests.RunLauncher(new Dictionary<string, string?> { ["MNISTCOURSE_ARTIFACTS"] = whole.Path }, common);
        Assert.True(exit == 0, output);

        var environment = new Dictionary<string, string?> { ["MNISTCOURSE_ARTIFACTS"] = sliced.Path };
        // The two slices at once, as two machines would run them (two processes; each slice is one lesson run).
        var shards = new[] { "1/2", "2/2" }.Select(shard => Task.Run(() => DoctorTests.RunLauncher(environment, [.. common, "--shard", shard]))).ToArray();
        foreach (var (shardExit, shardOutput) in Task.WhenAll(shards).Result)
        {
            Assert.True(shardExit == 0, shardOutput);
            Assert.Contains("1 lesson run(s) to do", shardOutput);
        }
        var slices = new[] { "reproduction.shard-1-of-2.json", "reproduction.shard-2-of-2.json" }.Select(f => Path.Combine(sliced.Path, f)).ToArray();
        var merged = Path.Combine(sliced.Path, "merged.json");
        var (mergeExit, mergeOutput) = DoctorTests.RunLauncher(environment, ["reproduce", "merge", .. slices, "--output", merged]);
        Assert.True(mergeExit == 0, mergeOutput);
        Assert.Contains("Merged 2 file(s), 2 run(s)", mergeOutput);

        var expected = Rows(Path.Combine(whole.Path, "reproduction.json"));
        Assert.Equal(2, expected.Length);
        Assert.Equal(expected, Rows(merged));
    }
}
