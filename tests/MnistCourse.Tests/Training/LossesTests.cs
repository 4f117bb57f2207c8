using MnistCourse.Native;
using MnistCourse.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Training;

public class LossesTests
{
    public LossesTests() => TorchRuntime.EnsureReady();

    [Fact]
    public void Loss_from_logits_equals_the_loss_from_probabilities()
    {
        var logits = tensor(new float[,] { { 2, -1, 0.5f }, { -3, 4, 1 } });
        var labels = tensor(new float[,] { { 1, 0, 0 }, { 0, 0, 1 } });
        double fromLogits = Losses.FromLogits(logits, labels).item<float>();
        double fromProbabilities = Losses.FromProbabilities(nn.functional.softmax(logits, 1), labels).item<float>();
        double byHand = -(Math.Log(Math.Exp(2) / (Math.Exp(2) + Math.Exp(-1) + Math.Exp(0.5))) + Math.Log(Math.Exp(1) / (Math.Exp(-3) + Math.Exp(4) + Math.Exp(1)))) / 2;
        Assert.Equal(byHand, fromLogits, 5);
        Assert.Equal(byHand, fromProbabilities, 5);
    }

    [Fact]
    public void Outputs_that_are_not_probabilities_are_scaled_to_sum_to_one_as_Keras_does()
    {
        var sigmoidOutputs = tensor(new float[,] { { 0.9f, 0.9f, 0.2f } });
        var labels = tensor(new float[,] { { 1, 0, 0 } });
        Assert.Equal(-Math.Log(0.9 / 2.0), Losses.FromProbabilities(sigmoidOutputs, labels).item<float>(), 5);
    }
}
