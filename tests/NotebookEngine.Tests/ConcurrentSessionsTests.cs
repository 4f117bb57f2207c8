using MnistCourse.NotebookEngine.Execution;
using MnistCourse.NotebookEngine.Tests.Support;

namespace MnistCourse.NotebookEngine.Tests;

/// <summary>Sessions in one process (a kernel host, these tests) must not see each other's compilations or output.</summary>
[Trait("Speed", "Slow")]
public class ConcurrentSessionsTests
{
    [Fact]
    public async Task Sessions_running_at_the_same_time_stay_separate()
    {
        var runs = Enumerable.Range(0, 3).Select(async k =>
        {
            using var session = new CSharpSession(documentName: $"parallel{k}.ipynb");
            var observer = new RecordingObserver();
            var outcome = await session.ExecuteAsync($"var handle = display(\"session {k}\");\nConsole.WriteLine({k});", "cell 1", observer);
            return (k, outcome, observer);
        }).ToArray();

        foreach (var (k, outcome, observer) in await Task.WhenAll(runs))
        {
            Assert.True(outcome.Succeeded, outcome.Error?.ToString());
            Assert.Equal($"{k}\n", observer.Stdout);
            Assert.Equal($"session {k}", Assert.Single(observer.Of<DisplayData>("display_data")).Data["text/plain"]);
        }
    }
}
