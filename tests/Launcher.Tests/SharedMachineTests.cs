using MnistCourse.Launcher.Commands;
using MnistCourse.Launcher.Support;

namespace MnistCourse.Launcher.Tests;

/// <summary>The launcher on a machine it shares: one writer per artifacts folder, a per-user build log, cut results lines.</summary>
public class SharedMachineTests
{
    [Fact]
    public void A_results_line_cut_short_is_skipped_with_a_line_and_the_others_are_kept()
    {
        using var temp = new TempFolder();
        var path = temp.File("lesson.jsonl");
        var complete = new LessonResult("chollet", "Chollet", 0.9918, 0.98, 0.99, 0.03, 1, 12, 60000, 30, 12.5, null, null);
        File.WriteAllText(path, complete.ToJson() + "\n" + complete.ToJson()[..40] + "\n");
        var warnings = new StringWriter();

        var results = RunCommand.ReadResults(path, warnings);

        Assert.Equal(["chollet"], results.Select(r => r.Tutorial));
        Assert.Contains($"{path} line 2 is not a complete result", warnings.ToString());
    }

    [Fact]
    [Trait("Speed", "Slow")] // starts the launcher
    public void A_second_command_on_the_same_artifacts_folder_waits_for_the_first_and_says_so()
    {
        using var artifacts = new TempFolder();
        var held = FileLock.Acquire(Path.Combine(artifacts.Path, ArtifactsLock.FileName), TimeSpan.Zero);
        var waitingLine = new TaskCompletionSource<string>();
        var site = new ExternalProgram("dotnet", [RepoPaths.LauncherDll, "site", "--artifacts", artifacts.Path])
        {
            WorkingDirectory = RepoPaths.Root,
            TimeLimit = TimeSpan.FromMinutes(2),
            OnOutputLine = line => { if (line.Contains("waiting for the lock")) waitingLine.TrySetResult(line); },
        }.WithoutMSBuildEnvironment().RunAsync();

        var line = waitingLine.Task.WaitAsync(TimeSpan.FromSeconds(60)).Result;
        Assert.Contains(Path.Combine(artifacts.Path, ArtifactsLock.FileName), line);
        Assert.Contains($"held by process {Environment.ProcessId}", line);
        Thread.Sleep(500);
        Assert.False(site.IsCompleted, "the second command went on while the first held the folder");

        held.Dispose();

        var result = site.Result;
        Assert.False(result.TimedOut, result.ToString());
        Assert.Contains("results.json", result.Output + result.Error); // it went on: an empty folder has no results to render
    }

    [Fact]
    [Trait("Speed", "Slow")] // starts the course script
    public void The_course_script_refuses_a_cache_folder_another_user_planted()
    {
        using var cache = new TempFolder();
        var planted = Directory.CreateDirectory(Path.Combine(cache.Path, "mnistcourse")).FullName;
        var chown = ProcessRun.Run("chown", ["12345", planted], TimeSpan.FromSeconds(10));
        Assert.True(chown.ExitCode == 0, $"chown needs root: {chown.Stderr}");

        var run = ProcessRun.Run(Path.Combine(RepoPaths.Root, "course"), ["doctor"], TimeSpan.FromMinutes(1),
            new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = cache.Path });

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"course: {planted} belongs to another user (uid 12345)", run.Stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(planted)); // nothing written into it
    }
}
