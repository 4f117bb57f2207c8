using System.Text.Json.Nodes;
using MnistCourse.Data;
using MnistCourse.Reporting;
using MnistCourse.Launcher.Reproduction;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course bench`: per tutorial network, median ms/step of the library's Fit and of a bare TorchSharp loop (tools/Bench,
/// a process per network) and of the project's Keras-faithful PyTorch port (tools/Reference), with glibc's allocator tuned on both sides.
/// </summary>
internal static class BenchCommand
{
    private static readonly string[] Networks = ["chollet", "dropout", "lenet-tanh", "lenet-relu"];

    private static readonly Option<bool> Json = new("--json") { Description = "One JSON object per network instead of the table." };
    private static readonly Option<int> Steps = CourseCommandLine.WholeNumber("--steps", 1, "Timed steps per network (their median is reported).", defaultValue: 150);
    private static readonly Option<int> Warmup = CourseCommandLine.WholeNumber("--warmup", 0, "Untimed steps first.", defaultValue: 20);
    private static readonly Option<bool> Split = new("--split")
    {
        Description = "How to spend the cores on several trainings: each network with every core's thread alone, then one 1-thread process per core at once; steps per second both ways (`./course reproduce` runs as many lessons at once as there are cores because of it).",
    };
    private static readonly Argument<string[]> NetworkNames = new Argument<string[]>("NETWORK")
    {
        Description = "Which networks (default: all).", Arity = ArgumentArity.ZeroOrMore,
    }.AcceptOnlyFromAmong(Networks);

    public static readonly Command Command = new Command("bench",
        "Time each tutorial network: the library's Fit, a bare TorchSharp loop, and PyTorch (where Debian's python3-torch is installed).")
    { Json, Steps, Warmup, Split, NetworkNames }.WithAction(Run);

    private static string BenchDll => CoursePaths.ToolDll(Repo.Root, "Bench");

    private static int Run(ParseResult parsed)
    {
        bool json = parsed.GetValue(Json);
        int steps = parsed.GetValue(Steps), warmup = parsed.GetValue(Warmup);
        var networks = parsed.GetValue(NetworkNames) is { Length: > 0 } named ? named : Networks;
        Mnist.Ensure(log: TextWriter.Null);
        if (parsed.GetValue(Split)) return RunSplit(networks, steps, warmup);
        var reference = FindReference();
        if (!json)
            Console.WriteLine($"Timing {steps} steps after {warmup} of warm-up per network (medians); PyTorch: {reference.status}");
        else if (reference.script is null)
            Console.Error.WriteLine($"bench: the PyTorch column is null: {reference.status}");

        var rows = new List<JsonObject>();
        foreach (var network in networks)
        {
            var row = RunWorker(network, steps, warmup);
            double? pytorch = reference.script is null ? null : RunPyTorch(network, steps, warmup, (int)row["threads"]!);
            double fit = (double)row["fit_ms_per_step"]!, bare = (double)row["bare_ms_per_step"]!;
            int batch = (int)row["batch"]!;
            row["pytorch_ms_per_step"] = pytorch is { } p ? Math.Round(p, 3) : null;
            row["pytorch_status"] = reference.status;
            row["fit_images_per_s"] = Math.Round(batch * 1000 / fit);
            row["bare_images_per_s"] = Math.Round(batch * 1000 / bare);
            row["pytorch_images_per_s"] = pytorch is { } q ? Math.Round(batch * 1000 / q) : null;
            row["fit_over_bare"] = (double)row["fit_over_bare_paired"]!; // the median of block-by-block ratios, not a ratio of medians
            row["pytorch_over_fit"] = pytorch is { } r ? Math.Round(r / fit, 3) : null;
            row["full_training_estimate_s"] = Math.Round(fit * TrainingSteps(network) / 1000, 1);
            rows.Add(row);
            if (json) Console.WriteLine(row.ToJsonString());
        }
        if (!json) PrintTable(rows);
        return 0;
    }

    /// <summary>
    /// `--split`: per network, Fit's steps per second with all the cores' threads in one process, against one 1-thread process
    /// per core at once. Measured on 2026-12-06 (2 cores): two 1-thread processes did 1.10–1.63 times the steps per second.
    /// </summary>
    private static int RunSplit(IReadOnlyList<string> networks, int steps, int warmup)
    {
        int cores = Environment.ProcessorCount;
        Console.WriteLine($"Timing {steps} steps after {warmup} of warm-up per process (Fit's median ms/step): each network with {cores} torch " +
                          $"threads alone, then {cores} processes of 1 thread at once.");
        Console.WriteLine();
        Console.WriteLine($"{"network",-11} {"alone ms",9} {"at once ms",11} {"alone steps/s",14} {"at once steps/s",16} {"at once/alone",14}");
        foreach (var network in networks)
        {
            double alone = (double)RunWorker(network, steps, warmup, threads: cores)["fit_ms_per_step"]!;
            var together = Task.WhenAll(Enumerable.Range(0, cores).Select(_ => Task.Run(() => (double)RunWorker(network, steps, warmup, threads: 1)["fit_ms_per_step"]!))).Result;
            double aloneRate = 1000 / alone, togetherRate = together.Sum(ms => 1000 / ms);
            Console.WriteLine($"{network,-11} {alone,9:0.00} {together.Average(),11:0.00} {aloneRate,14:0.0} {togetherRate,16:0.0} {togetherRate / aloneRate,14:0.00}");
        }
        Console.WriteLine();
        Console.WriteLine($"Above 1: {cores} one-thread trainings at once do more work per second than one on {cores} threads, which is how " +
                          "`./course reproduce` runs by default (--jobs = the cores).");
        return 0;
    }

    /// <summary>Times one network in its own process (tools/Bench), which prints one JSON line; <paramref name="threads"/>: torch's (default: its own choice).</summary>
    private static JsonObject RunWorker(string network, int steps, int warmup, int? threads = null)
    {
        var environment = threads is { } t ? new Dictionary<string, string> { [Course.ThreadsVariable] = t.ToString() } : null;
        var (exit, output) = ChildProcess.Capture("dotnet", [BenchDll, network, "--steps", steps.ToString(), "--warmup", warmup.ToString()], environment);
        var line = output.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith('{'))
            ?? throw new InvalidOperationException($"the benchmark of {network} failed (exit {exit}): {output}");
        return JsonNode.Parse(line)!.AsObject();
    }

    /// <summary>The steps of the tutorial's full training: its epochs × the batches of its training images.</summary>
    private static int TrainingSteps(string network)
    {
        var tutorial = Tutorial.Get(network);
        int images = network switch { "dropout" => 55_000, "lenet-tanh" => 48_000, _ => 60_000 }; // dropout: images 5,000–59,999; lenet-tanh: a validation split of 0.2
        return (images + tutorial.BatchSize - 1) / tutorial.BatchSize * tutorial.Epochs;
    }

    private static (string? script, string status) FindReference() =>
        KerasReference.Missing() is { } missing ? (null, $"not run: {missing}")
            : (KerasReference.Script, $"PyTorch {KerasReference.Version()} (Debian python3-torch), {Path.GetRelativePath(Repo.Root, KerasReference.Script)}");

    private static double? RunPyTorch(string network, int steps, int warmup, int threads)
    {
        try
        {
            return KerasReference.Run(network, seed: 0, threads, maxSteps: steps + warmup, warmup)["ms_per_step"]!.GetValue<double>();
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            return null;
        }
    }

    private static void PrintTable(IReadOnlyList<JsonObject> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"{"network",-11} {"batch",5} {"Fit ms",8} {"bare ms",8} {"PyTorch",8} {"Fit/bare",9} {"PyTorch/Fit",12} {"Fit img/s",10} {"peak MB",8} {"full training",14}");
        foreach (var r in rows)
            Console.WriteLine($"{(string)r["network"]!,-11} {(int)r["batch"]!,5} {(double)r["fit_ms_per_step"]!,8:0.00} {(double)r["bare_ms_per_step"]!,8:0.00} " +
                              $"{Show(r["pytorch_ms_per_step"], "0.00"),8} {(double)r["fit_over_bare"]!,9:0.000} {Show(r["pytorch_over_fit"], "0.00"),12} " +
                              $"{(double)r["fit_images_per_s"]!,10:0} {(double)r["peak_rss_mb"]!,8:0} {(double)r["full_training_estimate_s"]!,12:0} s");
        double total = rows.Sum(r => (double)r["full_training_estimate_s"]!);
        Console.WriteLine();
        Console.WriteLine("Targets: Fit/bare ≤ 1.05; PyTorch/Fit ≥ 1.5; full training of the four tutorials ≤ 300 s " +
                          $"(estimated from Fit ms/step × the tutorials' steps: {total:0} s{(rows.Count < 4 ? ", networks missing" : "")}).");
        Console.WriteLine($"Allocator tuned in the .NET workers: {rows.All(r => (bool)r["allocator_tuned"]!)}; PyTorch ran with GLIBC_TUNABLES={KerasReference.GlibcTunables}.");
    }

    private static string Show(JsonNode? value, string format) => value is null ? "—" : ((double)value).ToString(format);
}
