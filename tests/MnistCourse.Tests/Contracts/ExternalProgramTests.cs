using System.Diagnostics;

namespace MnistCourse.Tests.Contracts;

/// <summary>The one process helper: exit codes, environment edits, output as it arrives, and whole trees ended.</summary>
public class ExternalProgramTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ExternalProgram Bash(string script) => new("bash", ["-c", script]);

    /// <summary>Alive: /proc/&lt;pid&gt; exists and is not a zombie (an ended process nobody reaped yet).</summary>
    private static bool Alive(int pid) =>
        File.Exists($"/proc/{pid}/status") && !File.ReadLines($"/proc/{pid}/status").Any(l => l.StartsWith("State:") && l.Contains('Z'));

    [Fact]
    public void The_exit_code_and_both_streams_are_returned()
    {
        var result = Bash("echo out; echo err >&2; exit 7").Run();

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("out\n", result.Output);
        Assert.Equal("err\n", result.Error);
        Assert.False(result.TimedOut);
    }

    [Fact]
    public void Environment_edits_set_and_remove_variables_and_msbuilds_are_removed()
    {
        var result = (Bash("echo \"$COURSE_TEST:${HOME-unset}:${MSBuildSDKsPath-unset}\"") with
        {
            Environment = new Dictionary<string, string?> { ["COURSE_TEST"] = "set", ["HOME"] = null, ["MSBuildSDKsPath"] = "/sdk" },
        }).WithoutMSBuildEnvironment().Run();

        Assert.Equal("set:unset:unset\n", result.Output);
    }

    [Fact]
    public void Output_is_streamed_line_by_line_while_the_program_runs()
    {
        var clock = Stopwatch.StartNew();
        var seen = new List<(string Line, double Seconds)>();

        var result = (Bash("echo first; sleep 2; echo second") with { OnOutputLine = line => seen.Add((line, clock.Elapsed.TotalSeconds)) }).Run();

        Assert.Equal(["first", "second"], seen.Select(s => s.Line));
        Assert.True(seen[0].Seconds < 1.5, $"the first line came after {seen[0].Seconds:0.0} s, not as it was written");
        Assert.True(seen[1].Seconds >= 1.9);
        Assert.Equal("first\nsecond\n", result.Output);
    }

    [Fact]
    public void A_time_limit_ends_the_child_and_its_grandchild()
    {
        var pidFile = _folder.File("grandchild.pid");

        var result = (Bash($"sleep 300 & echo $! > {pidFile}; echo started; wait") with { TimeLimit = TimeSpan.FromSeconds(2) }).Run();

        Assert.True(result.TimedOut);
        Assert.Equal("started\n", result.Output);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(15), $"took {result.Elapsed}");
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim());
        Assert.True(SpinWait.SpinUntil(() => !Alive(grandchild), TimeSpan.FromSeconds(5)), $"the grandchild {grandchild} still runs");
    }

    [Fact]
    public void A_cancellation_ends_the_tree_and_throws()
    {
        var pidFile = _folder.File("grandchild.pid");
        using var cancel = new CancellationTokenSource();
        var run = Bash($"sleep 300 & echo $! > {pidFile}; wait").RunAsync(cancel.Token);
        Assert.True(SpinWait.SpinUntil(() => File.Exists(pidFile) && File.ReadAllText(pidFile).Trim().Length > 0, TimeSpan.FromSeconds(10)));

        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => run.GetAwaiter().GetResult());
        var grandchild = int.Parse(File.ReadAllText(pidFile).Trim());
        Assert.True(SpinWait.SpinUntil(() => !Alive(grandchild), TimeSpan.FromSeconds(5)), $"the grandchild {grandchild} still runs");
    }

    [Fact]
    public void A_program_that_does_not_exist_says_so()
    {
        Assert.Throws<System.ComponentModel.Win32Exception>(() => new ExternalProgram("no-such-program-mnistcourse", []).Run());
    }
}
