using MnistCourse.Exercises;
using MnistCourse.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Exercises;

public class TrainingStepCheckTests
{
    public TrainingStepCheckTests() => TorchRuntime.EnsureReady();

    private static Tensor Loss(nn.Module<Tensor, Tensor> network, Tensor x, Tensor labels) =>
        nn.functional.cross_entropy(network.forward(x), labels);

    [Fact]
    public void The_whole_step_passes() =>
        CheckAssert.Passes(Check.TrainingStep((network, optimizer, x, labels) =>
        {
            optimizer.zero_grad();
            var loss = Loss(network, x, labels);
            loss.backward();
            optimizer.step();
        }));

    [Fact]
    public void A_step_without_backward_is_told_about_missing_gradients()
    {
        var result = Check.TrainingStep((network, optimizer, x, labels) =>
        {
            optimizer.zero_grad();
            var loss = Loss(network, x, labels);
            optimizer.step();
        });
        Assert.False(result.Passed);
        Assert.Contains("no gradients", result.Message);
        Assert.DoesNotContain("backward", result.Message);
    }

    [Fact]
    public void A_step_without_the_update_is_told_the_weights_did_not_change()
    {
        var result = Check.TrainingStep((network, optimizer, x, labels) =>
        {
            optimizer.zero_grad();
            Loss(network, x, labels).backward();
        });
        Assert.False(result.Passed);
        Assert.Contains("did not change", result.Message);
        Assert.DoesNotContain("step()", result.Message);
    }

    [Fact]
    public void A_step_without_zero_grad_is_told_the_gradients_pile_up()
    {
        var result = Check.TrainingStep((network, optimizer, x, labels) =>
        {
            Loss(network, x, labels).backward();
            optimizer.step();
        });
        Assert.False(result.Passed);
        Assert.Contains("pile up", result.Message);
        Assert.DoesNotContain("zero_grad", result.Message);
    }

    [Fact]
    public void Checks_leave_the_global_random_sequence_alone()
    {
        torch.manual_seed(5);
        var expected = torch.rand(3).data<float>().ToArray();
        torch.manual_seed(5);
        Check.TrainingStep((network, optimizer, x, labels) => { });
        Check.ConvParameters(0, filters: 8, kernel: 3, inputChannels: 2);   // builds a layer: random initial weights
        Check.DenseParameters(0, inputs: 10, units: 4);
        Check.DropoutScale(0, rate: 0.5);
        Assert.Equal(expected, torch.rand(3).data<float>().ToArray());
    }
}
