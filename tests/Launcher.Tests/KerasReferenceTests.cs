using System.Text.Json.Nodes;
using MnistCourse.Data;

namespace MnistCourse.Launcher.Tests;

/// <summary>tools/Reference/keras_reference.py, the Keras-faithful PyTorch port, trains for a few steps and is deterministic.</summary>
[Trait("Speed", "Slow")]
public class KerasReferenceTests
{
    private static JsonNode Train(string network, int steps)
    {
        Assert.True(File.Exists("/usr/bin/python3") && ProcessRun.Run("/usr/bin/python3", ["-c", "import torch"], TimeSpan.FromMinutes(1)).ExitCode == 0,
            "Debian's python3-torch is missing: sudo apt-get install -y --no-install-recommends python3-torch");
        var run = ProcessRun.Run("/usr/bin/python3",
            [Path.Combine(RepoPaths.Root, "tools", "Reference", "keras_reference.py"), "--network", network, "--max-steps", steps.ToString(),
             "--warmup", "2", "--threads", "1", "--seed", "3", "--json", "--data", MnistPaths.DefaultFolder()],
            TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        return JsonNode.Parse(run.Stdout.Split('\n').Single(l => l.StartsWith('{')))!;
    }

    [Fact]
    public void Lenet_relu_learns_in_forty_steps_and_the_same_seed_gives_the_same_figures()
    {
        var first = Train("lenet-relu", 40);
        Assert.Equal(40, (int)first["steps"]!);
        Assert.Equal(128, (int)first["batch"]!);
        Assert.InRange((double)first["test_accuracy"]!, 0.5, 1.0); // chance is 0.1; forty Adam steps already pass 0.5
        Assert.Contains("val_accuracy", first["history"]![0]!.ToJsonString()); // validated on the test set, as tutorial 004
        var again = Train("lenet-relu", 40);
        Assert.Equal(((double)first["test_accuracy"]!, (double)first["test_loss"]!), ((double)again["test_accuracy"]!, (double)again["test_loss"]!));
    }
}
