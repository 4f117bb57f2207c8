using System.Reflection;
using MnistCourse.Native;
using MnistCourse.Reporting;
using TorchSharp;

namespace MnistCourse;

/// <summary>The course's two bookends: <see cref="Setup"/> in every lesson's first cell, <see cref="Report"/> in its last.</summary>
public static class Course
{
    /// <summary>Environment variable naming the file (JSON lines) where <see cref="Report"/> appends results; the runner sets it.</summary>
    public const string ResultsVariable = "MNISTCOURSE_RESULTS";

    /// <summary>Overrides the seed every lesson's setup cell passes (<c>./course run --seed N</c>), so a run repeats from another random start.</summary>
    public const string SeedVariable = "MNISTCOURSE_SEED";

    /// <summary>The threads torch may use: <c>./course reproduce</c> sets it so several trainings at once share the cores without oversubscribing them.</summary>
    public const string ThreadsVariable = "MNISTCOURSE_THREADS";

    /// <summary>The seed the last <see cref="Setup"/> used; <see cref="Report"/> records it.</summary>
    public static int Seed { get; private set; }

    /// <summary>
    /// Gets TorchSharp ready (allocator, native library), seeds every random draw with <paramref name="seed"/>
    /// (or with <see cref="SeedVariable"/> when it is set), and returns one line that says what runs here.
    /// </summary>
    /// <example><code>Course.Setup(seed: 0)   // "TorchSharp 0.107.0 · seed 0 · 2 CPU threads"</code></example>
    public static string Setup(int seed = 0)
    {
        TorchRuntime.EnsureReady();
        if (WholeNumber(ThreadsVariable, 1, "a thread count: use a whole number ≥ 1") is { } threads) torch.set_num_threads(threads);
        var overridden = WholeNumber(SeedVariable, 0, "a seed: use a whole number ≥ 0 (./course run --seed N)");
        Seed = overridden ?? seed;
        torch.manual_seed(Seed);
        var torchSharp = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
                         ?? typeof(torch).Assembly.GetName().Version?.ToString();
        // What a learner needs to repeat a run: the version, the seed and the threads (another count is another draw).
        // Machine details (libtorch's build, the allocator) are ./course doctor's business.
        return $"TorchSharp {torchSharp} · seed {Seed}{(overridden is null ? "" : $" (from {SeedVariable})")} · " +
               $"{torch.get_num_threads()} CPU threads";
    }

    /// <summary>
    /// Records a tutorial's measured result: printed as one line (published figure, band, floor, verdict), appended to
    /// the runner's results file when one is set, so the reproduction table holds the figure the notebook computed,
    /// and returned, e.g. for <see cref="Charts.Plot.Reproduction"/>.
    /// </summary>
    public static LessonResult Report(Tutorial tutorial, double testAccuracy, double testLoss, int epochs, long trainImages, Training.History history)
    {
        var result = new LessonResult(tutorial.Id, tutorial.Title, tutorial.Published, tutorial.Floor, testAccuracy, testLoss,
            epochs, tutorial.Epochs, trainImages, history.Timing.TrainSeconds, history.Timing.MillisecondsPerStep,
            tutorial.ReferenceBand?.Low, tutorial.ReferenceBand?.High, Seed);
        var file = Environment.GetEnvironmentVariable(ResultsVariable);
        if (!string.IsNullOrEmpty(file))
            File.AppendAllText(file, result.ToJson() + Environment.NewLine);
        Console.WriteLine(result);
        return result;
    }

    /// <summary>The number in environment <paramref name="variable"/>, null when unset; an error naming the fix when it is not one ≥ <paramref name="min"/>.</summary>
    private static int? WholeNumber(string variable, int min, string expected)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text, out var n) && n >= min ? n : throw new ArgumentException($"{variable}={text} is not {expected}, or unset it.");
    }
}
