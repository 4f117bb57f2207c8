using System.Text.Json.Nodes;
using MnistCourse.Data;

namespace MnistCourse.Launcher.Reproduction;

/// <summary>
/// The project's Keras-faithful PyTorch port, tools/Reference/keras_reference.py, run with Debian's python3-torch: where it
/// is, whether it can run here (and the install line when not), and one run of it as its JSON line. `./course bench` times
/// it; `./course reproduce --with-reference` trains the same seeds through it.
/// </summary>
internal static class KerasReference
{
    /// <summary>Also what the library sets in-process with mallopt: without it, glibc hands big buffers back every step.</summary>
    public const string GlibcTunables = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967295";

    public static string Script => Path.Combine(Repo.Root, "tools", "Reference", "keras_reference.py");

    /// <summary>Debian's packages for the reference; --no-install-recommends keeps libtorch-dev (which breaks TorchSharp's loading) out.</summary>
    public static string InstallLine => $"sudo apt-get install -y --no-install-recommends {string.Join(" ", SystemTool.PyTorch.DebianPackages)}";

    /// <summary>null when the reference can run, else one line saying why not and the fix.</summary>
    public static string? Missing() =>
        !File.Exists(Script) ? $"{Path.GetRelativePath(Repo.Root, Script)} is missing from this checkout; restore it with git checkout -- tools/Reference"
        : !SystemTool.PyTorch.IsPresent() ? $"Debian's python3-torch is missing; add it with: {InstallLine}"
        : null;

    public static string Version() => ChildProcess.Capture(SystemTool.SystemPython, ["-c", "import torch; print(torch.__version__)"]).output;

    /// <summary>One network at one seed; its JSON object, or an exception naming the run and its last output line.</summary>
    public static JsonObject Run(string network, int seed, int threads, int maxSteps = 0, int warmup = 10)
    {
        var (exit, output) = ChildProcess.Capture(SystemTool.SystemPython,
            [Script, "--network", network, "--seed", seed.ToString(), "--threads", threads.ToString(),
             "--max-steps", maxSteps.ToString(), "--warmup", warmup.ToString(), "--json"],
            new Dictionary<string, string> { ["GLIBC_TUNABLES"] = GlibcTunables, ["MNIST_DIR"] = Mnist.DefaultFolder });
        var line = output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith('{'));
        if (exit != 0 || line is null)
            throw new InvalidOperationException($"the Keras-faithful reference failed for {network} seed {seed} (exit {exit}): {output.Split('\n').LastOrDefault()}");
        return JsonNode.Parse(line)!.AsObject();
    }
}
