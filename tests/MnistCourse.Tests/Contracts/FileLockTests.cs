namespace MnistCourse.Tests.Contracts;

/// <summary>The lock between processes: taken when free, and a wait with a limit that names the lock and its holder.</summary>
public class FileLockTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_held_lock_times_out_naming_the_lock_file_and_the_process_holding_it()
    {
        var path = _folder.File("restore.lock");
        using var held = FileLock.Acquire(path, TimeSpan.Zero);
        var said = new List<string>();

        var error = Assert.Throws<TimeoutException>(() => FileLock.Acquire(path, TimeSpan.FromMilliseconds(600), said.Add));

        Assert.Contains(path, error.Message);
        Assert.Contains($"process {Environment.ProcessId}", error.Message); // flock locks are listed in /proc/locks
        Assert.Equal([$"waiting for the lock {path}, held by process {Environment.ProcessId}"], said.Select(s => s.Split(" (")[0]));
    }

    [Fact]
    public void A_lock_released_while_waiting_is_taken()
    {
        var path = _folder.File("run.lock");
        var held = FileLock.Acquire(path, TimeSpan.Zero);
        var waiting = FileLock.AcquireAsync(path, TimeSpan.FromSeconds(20));
        Thread.Sleep(300);
        Assert.False(waiting.IsCompleted);

        held.Dispose();

        using var taken = waiting.Result;
        Assert.True(taken.CanWrite);
    }
}
