using MnistCourse.Exercises;
using MnistCourse.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Exercises;

/// <summary>Lesson 2's coding exercise: the learner's training step, compared with a reference step after one and two steps.</summary>
public class TrainingStepCheckTests
{
    public TrainingStepCheckTests() => TorchRuntime.EnsureReady();

    private static Tensor Loss(nn.Module<Tensor, Tensor> network, Tensor x, Tensor labels) =>
        nn.functional.cross_entropy(network.forward(x), labels);

    [Fact]
    public void The_untouched_starter_is_not_answered() =>
        CheckAssert.NotAnswered(Check.TrainingStep((network, optimizer, x, labels) => throw new NotImplementedException("your code here")));

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
    public void Zeroing_the_network_instead_of_the_optimizer_passes_too() =>
        CheckAssert.Passes(Check.TrainingStep((network, optimizer, x, labels) =>
        {
            network.zero_grad();
            Loss(network, x, labels).backward();
            optimizer.step();
        }));

    [Fact]
    public void A_step_without_backward_is_a_missing_backward()
    {
        var result = Check.TrainingStep((network, optimizer, x, labels) =>
        {
            optimizer.zero_grad();
            var loss = Loss(network, x, labels);
            optimizer.step();
        });
        CheckAssert.FailsAs(result, "missing-backward");
        Assert.DoesNotContain("backward", result.Message);
    }

    [Fact]
    public void A_step_without_the_update_is_a_missing_step()
    {
        var result = Check.TrainingStep((network, optimizer, x, labels) =>
        {
            optimizer.zero_grad();
            Loss(network, x, labels).backward();
        });
        CheckAssert.FailsAs(result, "missing-step");
        Assert.DoesNotContain("step()", result.Message);
    }

    [Fact]
    public void A_step_without_zero_grad_fails_on_the_second_step()
    {
        var result = Check.TrainingStep((network, optimizer, x, labels) =>
        {
            Loss(network, x, labels).backward();
            optimizer.step();
        });
        CheckAssert.FailsAs(result, "missing-zero-grad");
        Assert.Contains("first step matches", result.Message);
        Assert.DoesNotContain("zero_grad", result.Message);
    }

    [Fact]
    public void Zero_grad_between_backward_and_step_is_told_apart()
    {
        var result = Check.TrainingStep((network, optimizer, x, labels) =>
        {
            Loss(network, x, labels).backward();
            optimizer.zero_grad();
            optimizer.step();
        });
        CheckAssert.FailsAs(result, "zeroed-before-step");
    }

    [Fact]
    public void Backward_twice_moves_twice_as_far()
    {
        var result = Check.TrainingStep((network, optimizer, x, labels) =>
        {
            optimizer.zero_grad();
            Loss(network, x, labels).backward();
            Loss(network, x, labels).backward();
            optimizer.step();
        });
        CheckAssert.FailsAs(result, "wrong-scale");
        Assert.Contains("2 times as far", result.Message);
    }

    [Fact]
    public void The_loss_on_softmax_probabilities_is_a_wrong_loss() =>
        CheckAssert.FailsAs(Check.TrainingStep((network, optimizer, x, labels) =>
        {
            optimizer.zero_grad();
            nn.functional.cross_entropy(nn.functional.softmax(network.forward(x), 1), labels).backward();   // softmax twice
            optimizer.step();
        }), "wrong-loss");

    [Fact]
    public void An_exception_becomes_a_hint_that_names_it() =>
        CheckAssert.ErrorNaming(Check.TrainingStep((network, optimizer, x, labels) =>
            nn.functional.cross_entropy(network.forward(x.T), labels).backward()), "Exception");

    [Fact]
    public void An_endless_loop_is_stopped_by_the_time_limit() =>
        CheckAssert.TimesOut(() => Check.TrainingStep((network, optimizer, x, labels) => CheckAssert.SpinLongerThanTheLimit()));

    [Fact]
    public void Checks_leave_the_global_random_sequence_alone()
    {
        torch.manual_seed(5);
        var expected = torch.rand(3).data<float>().ToArray();
        torch.manual_seed(5);
        Check.TrainingStep((network, optimizer, x, labels) => { });
        Check.LearnKernel((image, edges, kernel) => { });
        Check.ConvParameters(0, filters: 8, kernel: 3, inputChannels: 2);   // builds a layer: random initial weights
        Check.DenseParameters(0, inputs: 10, units: 4);
        Check.DropoutScale(0, rate: 0.5);
        Assert.Equal(expected, torch.rand(3).data<float>().ToArray());
    }
}
