using System.Diagnostics;
using MnistCourse.Data;

namespace MnistCourse.Tests.Launcher;

/// <summary>`./course doctor` run as a learner runs it, as a process.</summary>
public class DoctorTests
{
    internal static (int exitCode, string output) RunLauncher(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var root = MnistPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("repository root not found");
        var launcher = Path.Combine(root, "tools", "Launcher", "bin", "Release", "net10.0", "MnistCourse.Launcher.dll");
        Assert.True(File.Exists(launcher), $"{launcher} is missing: build the solution first (./course test does).");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        psi.ArgumentList.Add(launcher);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(TimeSpan.FromMinutes(3)), "launcher did not finish in 3 minutes");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Doctor_reports_a_missing_data_folder_with_the_fix()
    {
        var empty = Directory.CreateTempSubdirectory("no-mnist-").FullName;
        try
        {
            var (exit, output) = RunLauncher(new Dictionary<string, string> { [MnistPaths.EnvironmentVariable] = Path.Combine(empty, "mnist") }, "doctor");
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
        var (exit, output) = RunLauncher(new Dictionary<string, string>(), "fly");
        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'fly'", output);
        Assert.Contains("run [--quick]", output);
    }
}
