using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Reproduction;

/// <summary>
/// `./course reproduce --with-reference`: the same (tutorial, seed) runs through the Keras-faithful PyTorch port, with the
/// course's threads per run and as many at once, each saved to the reproduction file as it finishes (so --resume keeps them).
/// </summary>
internal static class ReferenceRuns
{
    /// <summary>Quick runs check the machinery only: a few hundred steps, like the lessons' quick runs, no verdict.</summary>
    private const int QuickSteps = 200;

    public static ReproductionFile RunMissing(ReproductionFile file, IEnumerable<(Tutorial Tutorial, int Seed)> wanted, bool quick,
                                              int atOnce, int threads, Action<ReproductionFile> save)
    {
        if (KerasReference.Missing() is { } missing)
        {
            Console.WriteLine($"--with-reference: not run: {missing}");
            return file;
        }
        var todo = wanted.Where(w => !(file.ReferenceRuns ?? []).Any(r => r.Tutorial == w.Tutorial.Id && r.Seed == w.Seed)).ToList();
        Console.WriteLine($"Keras-faithful reference (PyTorch {KerasReference.Version()}, {Path.GetRelativePath(Repo.Root, KerasReference.Script)}): " +
                          $"{todo.Count} run(s), {atOnce} at once, {threads} thread(s) each.");
        var gate = new object();
        Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = atOnce }, w =>
        {
            try
            {
                var json = KerasReference.Run(w.Tutorial.Id, w.Seed, threads, maxSteps: quick ? QuickSteps : 0);
                var run = new SeedRun(w.Tutorial.Id, w.Seed, quick, (double)json["test_accuracy"]!, (double)json["test_loss"]!, (int)json["epochs"]!,
                                      (double)json["train_seconds"]!, "tools/Reference/keras_reference.py", DateTime.UtcNow.ToString("O"));
                lock (gate)
                {
                    file = file.WithReference(run);
                    save(file);
                    Console.WriteLine($"  ✓ reference {w.Tutorial.Id} seed {w.Seed}: {run.TestAccuracy:0.0000} in {run.TrainSeconds:0} s of training");
                }
            }
            catch (InvalidOperationException e)
            {
                lock (gate) Console.WriteLine($"  ✗ {e.Message}");
            }
        });
        return file;
    }
}
