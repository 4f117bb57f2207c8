using MnistCourse.Data;

namespace MnistCourse.Launcher.Tests;

/// <summary>`./course doctor` run as a learner runs it, as a process.</summary>
[Trait("Speed", "Slow")]
public class DoctorTests
{
    internal static (int exitCode, string output) RunLauncher(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var run = ProcessRun.Run("dotnet", [RepoPaths.LauncherDll, .. args], TimeSpan.FromMinutes(3), environment);
        return (run.ExitCode, run.Stdout + run.Stderr);
    }

    [Fact]
    public void Doctor_reports_a_missing_data_folder_with_the_fix()
    {
        var empty = Directory.CreateTempSubdirectory("no-mnist-").FullName;
        try
        {
            var (exit, output) = RunLauncher(new Dictionary<string, string?> { [MnistPaths.EnvironmentVariable] = Path.Combine(empty, "mnist") }, "doctor");
            Assert.Equal(1, exit);
            Assert.Contains("✗ MNIST train-images-idx3-ubyte", output);
            Assert.Contains("fix: run ./course setup", output);
            Assert.Contains("✓ TorchSharp", output);
            Assert.False(Directory.Exists(Path.Combine(empty, "mnist")) && Directory.EnumerateFiles(Path.Combine(empty, "mnist")).Any(),
                "doctor must only look, never fetch");
        }
        finally { Directory.Delete(empty, recursive: true); }
    }

    [Fact]
    public void Unknown_command_prints_usage_and_exits_2()
    {
        var (exit, output) = RunLauncher(new Dictionary<string, string?>(), "fly");
        Assert.Equal(2, exit);
        Assert.Contains("Unrecognized command or argument 'fly'", output);
        Assert.Contains("Usage:\n  ./course [command] [options]", output.ReplaceLineEndings("\n"));
        Assert.Contains("reproduce", output);
    }

    [Theory]
    [InlineData("run --sed 1", "Unrecognized command or argument '--sed'.", "See: ./course run --help")]
    [InlineData("bench --steps 0", "--steps takes a whole number ≥ 1, not '0'.", "See: ./course bench --help")]
    [InlineData("kernel", "Required command was not provided.", "See: ./course kernel --help")]
    public void A_bad_command_line_names_the_problem_and_the_help_and_exits_2(string line, string error, string help)
    {
        var (exit, output) = RunLauncher(new Dictionary<string, string?>(), line.Split(' '));
        Assert.Equal(2, exit);
        Assert.Contains(error, output);
        Assert.Contains(help, output);
    }
}
