using System.Diagnostics;
using System.Text.Json;
using MnistCourse.Data;
using MnistCourse.Models;
using MnistCourse.Tensors;
using static TorchSharp.torch;

namespace MnistCourse.Launcher.Bench;

/// <summary>
/// Times one network in its own process (so peak memory and allocator state belong to it): the library's real
/// <c>Fit</c>, then a bare TorchSharp loop, the same number of steps on the same images. Prints one JSON line.
/// </summary>
internal static class BenchWorker
{
    public static int Run(string network, int steps, int warmup)
    {
        Course.Setup(seed: 0);
        var recipe = BenchRecipe.For(network);
        var ((xAll, yAll), _) = Mnist.LoadData();
        long n = (long)(steps + warmup) * recipe.Batch;
        var x = (xAll.reshape(60000, 28, 28, 1).to(float32) / 255).narrow(0, 0, n);
        var y = Utils.ToCategorical(yAll).narrow(0, 0, n);

        // The library: Keras-style model and Fit, one epoch of exactly warmup + steps batches.
        var model = TutorialModels.ForTutorial(network);
        model.Compile(recipe.Optimizer, "categorical_crossentropy", ["accuracy"]);
        var history = model.Fit(x, y, batchSize: recipe.Batch, epochs: 1, verbose: 0);
        double fit = Median(history.StepMilliseconds.Skip(warmup));

        // Bare TorchSharp: forward, loss, backward, step; batches gathered the same way and handed over in the same
        // layout: Keras' channels-last images viewed as NCHW. That view has channels-last strides, which libtorch 2.10
        // carries through every convolution (oneDNN's faster path); a contiguous NCHW copy ran ~20% slower (chollet
        // 10.3–10.7 vs 8.4–8.7 ms/step, four alternating runs each).
        var bare = BareNetworks.Build(network);
        var optimizer = BareNetworks.Optimizer(network, bare);
        bare.train();
        var labels = yAll.narrow(0, 0, n).to(int64);
        var times = new List<double>();
        using (var order = randperm(n))
        {
            for (int step = 0; step < steps + warmup; step++)
            {
                long start = Stopwatch.GetTimestamp();
                using var scope = NewDisposeScope();
                var index = order.narrow(0, (long)step * recipe.Batch, recipe.Batch);
                var loss = nn.functional.cross_entropy(bare.forward(x.index_select(0, index).permute(0, 3, 1, 2)), labels.index_select(0, index));
                optimizer.zero_grad();
                loss.backward();
                optimizer.step();
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        double bareMs = Median(times.Skip(warmup));

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            network, batch = recipe.Batch, threads = get_num_threads(), steps, warmup,
            fit_ms_per_step = Math.Round(fit, 3), bare_ms_per_step = Math.Round(bareMs, 3),
            peak_rss_mb = Math.Round(PeakResidentMegabytes(), 1),
            allocator_tuned = Native.GlibcAllocator.IsConfigured,
        }));
        return 0;
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return double.NaN;
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The process's peak resident set (VmHWM), MB.</summary>
    private static double PeakResidentMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        return double.NaN;
    }
}

/// <summary>Each tutorial's batch size and optimizer, as the seeds train them.</summary>
internal sealed record BenchRecipe(int Batch, string Optimizer, int StepsPerEpoch, int Epochs)
{
    public static readonly string[] Networks = ["chollet", "dropout", "lenet-tanh", "lenet-relu"];

    public static BenchRecipe For(string network) => network switch
    {
        "chollet" => new(64, "rmsprop", 938, 5),        // 60,000 images
        "dropout" => new(128, "adam", 430, 10),         // 55,000 images
        "lenet-tanh" => new(64, "adam", 750, 20),       // 48,000 images (validation split 0.2)
        "lenet-relu" => new(128, "adam", 469, 2),       // 60,000 images
        _ => throw new ArgumentException($"unknown network '{network}'; use one of: {string.Join(", ", Networks)}."),
    };
}
