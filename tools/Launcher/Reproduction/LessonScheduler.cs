namespace MnistCourse.Launcher.Reproduction;

/// <summary>
/// Runs a reproduction's lesson runs, <c>atOnce</c> processes at a time, each with the same torch threads whatever is left
/// to do (so a seed's figures never depend on the plan). It wakes when a run ends, never polls for that; a second's
/// timeout only refreshes the progress line. Runs still going when it stops (Ctrl+C, an exception) are ended.
/// </summary>
/// <remarks>
/// Why runs at once rather than threads per run: on this 2-core machine two 1-thread trainings at once do 1.10–1.63 times
/// the steps per second of one 2-thread training, for each of the four networks (README, Reproduction: the measurement).
/// </remarks>
internal sealed class LessonScheduler(int atOnce, int threads, string runsFolder, bool quick)
{
    /// <summary>Runs <paramref name="jobs"/>; <paramref name="finished"/> gets each run as it ends (then it is disposed);
    /// <paramref name="more"/>, asked whenever the queue is empty, may add runs (--budget).</summary>
    public void Run(IEnumerable<LessonJob> jobs, Action<LessonProcess> finished, ReproductionProgress progress, Func<IReadOnlyCollection<LessonJob>, IReadOnlyList<LessonJob>>? more = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pending = new Queue<LessonJob>(jobs);
        var running = new List<LessonProcess>();
        int done = 0;
        try
        {
            while (pending.Count > 0 || running.Count > 0)
            {
                while (running.Count < atOnce && pending.Count > 0)
                    running.Add(new LessonProcess(pending.Dequeue(), runsFolder, quick, threads));

                Task.WaitAny([.. running.Select(r => r.Exited)], TimeSpan.FromSeconds(1));
                foreach (var ended in running.Where(r => r.Exited.IsCompleted).ToList())
                {
                    running.Remove(ended);
                    using (ended)
                    {
                        done++;
                        progress.Finished(ended);
                        finished(ended);
                    }
                }
                if (pending.Count == 0 && more is not null)
                {
                    var added = more([.. running.Select(r => r.Job)]);
                    foreach (var job in added) pending.Enqueue(job);
                    progress.Added(added.Count);
                }
                if (progress.Line(clock.Elapsed, done, running, pending) is { } line) Console.WriteLine(line);
            }
        }
        finally
        {
            foreach (var left in running) left.Dispose();
        }
    }
}
