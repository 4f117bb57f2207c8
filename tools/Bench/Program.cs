using System.Diagnostics;
using System.Text.Json;
using MnistCourse;
using MnistCourse.Bench;
using MnistCourse.Data;
using MnistCourse.Models;
using MnistCourse.Reporting;
using MnistCourse.Tensors;
using static TorchSharp.torch;

// Times one tutorial network in its own process (so peak memory and allocator state belong to it): the library's real
// Fit and a bare TorchSharp loop, in alternating blocks of steps on the same images. Prints one JSON line; `./course bench`
// runs one such process per network and adds the PyTorch reference.
var network = new Argument<string>("NETWORK") { Description = "The tutorial network to time." }.AcceptOnlyFromAmong([.. Tutorial.All.Select(t => t.Id)]);
var steps = CourseCommandLine.WholeNumber("--steps", 1, "Timed steps (their median is reported).");
var warmup = CourseCommandLine.WholeNumber("--warmup", 0, "Untimed steps first.");
steps.Required = warmup.Required = true;
var root = new RootCommand("Times one tutorial network: the library's Fit and a bare TorchSharp loop, alternating; one JSON line.") { network, steps, warmup };
root.SetAction(parsed => Time(parsed.GetValue(network)!, parsed.GetValue(steps), parsed.GetValue(warmup)));
return await root.RunAsync(args);

static int Time(string network, int steps, int warmup)
{
    Course.Setup(seed: 0);
    int batch = Tutorial.Get(network).BatchSize;
    var ((xAll, yAll), _) = Mnist.LoadData();
    // Paired in time: blocks of Block steps, Fit's then the bare loop's, alternate, so a machine that slows down for a
    // while slows both sides alike; each side's per-step time is its block's wall time over Block steps, so it counts
    // everything Fit does per step (metrics, logs, callbacks), not just the part between its step timer's marks.
    const int Block = 25;
    int blocks = Math.Max(1, (steps + Block - 1) / Block);
    long n = (long)Math.Max(warmup, Block) * batch;
    var x = (xAll.reshape(60000, 28, 28, 1).to(float32) / 255).narrow(0, 0, n);
    var y = Utils.ToCategorical(yAll).narrow(0, 0, n);
    var labels = yAll.narrow(0, 0, n).to(int64);

    // The library: Keras-style model and Fit, one epoch of exactly Block batches per block.
    var model = TutorialModels.ForTutorial(network);
    model.Compile(BareNetworks.KerasOptimizer(network), "categorical_crossentropy", ["accuracy"]);
    void FitSteps(int count) => model.Fit(x.narrow(0, 0, (long)count * batch), y.narrow(0, 0, (long)count * batch), batchSize: batch, epochs: 1, verbose: 0);

    // Bare TorchSharp: forward, loss, backward, step; batches gathered the same way and handed over in the same
    // layout: Keras' channels-last images viewed as NCHW. That view has channels-last strides, which libtorch 2.10
    // carries through every convolution (oneDNN's faster path); a contiguous NCHW copy ran ~20% slower (chollet
    // 10.3–10.7 vs 8.4–8.7 ms/step, four alternating runs each).
    var bare = BareNetworks.Build(network);
    var optimizer = BareNetworks.Optimizer(network, bare);
    bare.train();
    void BareSteps(int count)
    {
        using var order = randperm((long)count * batch);
        for (int step = 0; step < count; step++)
        {
            using var scope = NewDisposeScope();
            var index = order.narrow(0, (long)step * batch, batch);
            var loss = nn.functional.cross_entropy(bare.forward(x.index_select(0, index).permute(0, 3, 1, 2)), labels.index_select(0, index));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
    }
    static double MillisecondsPerStep(Action<int> run, int count)
    {
        long start = Stopwatch.GetTimestamp();
        run(count);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds / count;
    }

    if (warmup > 0) { FitSteps(warmup); BareSteps(warmup); }
    var fitTimes = new List<double>();
    var bareTimes = new List<double>();
    for (int b = 0; b < blocks; b++)
    {
        fitTimes.Add(MillisecondsPerStep(FitSteps, Block));
        bareTimes.Add(MillisecondsPerStep(BareSteps, Block));
    }

    Console.WriteLine(JsonSerializer.Serialize(new
    {
        network, batch, threads = get_num_threads(), steps = blocks * Block, warmup,
        fit_ms_per_step = Math.Round(Median(fitTimes), 3), bare_ms_per_step = Math.Round(Median(bareTimes), 3),
        // The paired figure: each block's Fit time over the bare block right after it, their median.
        fit_over_bare_paired = Math.Round(Median(fitTimes.Zip(bareTimes, (f, r) => f / r)), 3),
        peak_rss_mb = Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1), // VmHWM: the peak resident set
        allocator_tuned = MnistCourse.Native.GlibcAllocator.IsConfigured,
    }));
    return 0;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}
