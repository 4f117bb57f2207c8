using System.CommandLine;
using MnistCourse.Launcher.Commands;

namespace MnistCourse.Launcher.Tests;

/// <summary>./course's command line as System.CommandLine parses it; nothing runs.</summary>
public class CommandLineTests
{
    [Theory]
    [InlineData("02-keras-convnet --set epochs=1")] // issue #16: once "unknown option --set"
    [InlineData("--set epochs=1 02-keras-convnet")]
    [InlineData("--set epochs=1 02-keras-convnet --quick --set batchSize=32 --seed 2")]
    public void Run_takes_its_options_before_or_after_the_notebooks(string line)
    {
        var parsed = RunCommand.Command.Parse(line);
        Assert.Empty(parsed.Errors);
        Assert.Equal(["02-keras-convnet"], parsed.GetValue<string[]>("NOTEBOOK")!);
        Assert.Equal("epochs=1", parsed.GetValue<string[]>("--set")![0]);
    }

    [Theory]
    [InlineData("--sed 1 01-convolution-by-hand", "Unrecognized command or argument '--sed'.")]
    [InlineData("--seed -1", "--seed takes a whole number ≥ 0, not '-1'.")]
    [InlineData("--seed", "Required argument missing for option: '--seed'.")]
    public void Run_names_a_bad_option(string line, string error) =>
        Assert.Contains(error, RunCommand.Command.Parse(line).Errors.Select(e => e.Message));

    [Fact]
    public void Test_passes_every_option_but_fast_and_filter_on_to_dotnet_test()
    {
        var parsed = TestCommand.Command.Parse("--blame --filter FullyQualifiedName~Signal --fast --logger trx");
        Assert.Empty(parsed.Errors);
        Assert.True(parsed.GetValue<bool>("--fast"));
        Assert.Equal("FullyQualifiedName~Signal", parsed.GetValue<string>("--filter"));
        Assert.Equal(["--blame", "--logger", "trx"], parsed.UnmatchedTokens);
    }

    [Theory]
    [InlineData("lenet", "Argument 'lenet' not recognized")]
    [InlineData("--steps 0", "--steps takes a whole number ≥ 1, not '0'.")]
    public void Bench_names_a_bad_network_or_count(string line, string error) =>
        Assert.Contains(BenchCommand.Command.Parse(line).Errors, e => e.Message.Contains(error));
}
