using MnistCourse.Exercises;
using MnistCourse.Layers;
using MnistCourse.Models;
using MnistCourse.Native;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Exercises;

/// <summary>Lesson 4's challenge: these tests train small networks on real MNIST.</summary>
[Trait("Speed", "Slow")]
[Trait("Category", "RealData")]
public class TrainedNetworkCheckTests
{
    public TrainedNetworkCheckTests() => TorchRuntime.EnsureReady();

    private static Sequential LeNet(string activation, int filters1 = 6, int filters2 = 16)
    {
        var model = new Sequential();
        model.Add(new Conv2D(filters1, (5, 5), activation: activation, inputShape: (28, 28, 1)));
        model.Add(new MaxPooling2D((2, 2)));
        model.Add(new Conv2D(filters2, (5, 5), activation: activation));
        model.Add(new MaxPooling2D((2, 2)));
        model.Add(new Flatten());
        model.Add(new Dense(120, activation: activation));
        model.Add(new Dense(84, activation: activation));
        model.Add(new Dense(10, activation: "softmax"));
        return model;
    }

    private static Sequential Trained(Sequential model, Tensor images, Tensor labels, int epochs)
    {
        model.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: ["accuracy"]);
        model.Fit(images, labels, batchSize: 64, epochs: epochs, verbose: 0);
        return model;
    }

    /// <summary>The worked solution of notebooks/solutions/04-lenet.ipynb: relu and twice the filters, five epochs.</summary>
    private static Sequential Solution(Tensor images, Tensor labels) => Trained(LeNet("relu", 12, 32), images, labels, epochs: 5);

    [Fact]
    public void The_untouched_starter_is_not_answered() =>
        CodeCheckAssert.NotAnswered(Check.TrainedNetwork((images, labels) => CodeCheckAssert.Starter<Sequential>()));

    [Fact]
    public void The_worked_solution_passes() => CheckAssert.Passes(Check.TrainedNetwork(Solution));

    public static TheoryData<string, Check.TrainingCode> Mistakes() => new()
    {
        { "untrained", (images, labels) => LeNet("relu") },
        { "untrained", (images, labels) => Trained(LeNet("relu"), images, labels.roll(1, 0), epochs: 1) },   // labels shifted by one image
        { "below-target", (images, labels) => Trained(LeNet("tanh"), images[..1000], labels[..1000], epochs: 1) },
        { "wrong-output-shape", (images, labels) => new Sequential(new Flatten(inputShape: (28, 28, 1)), new Dense(2, activation: "softmax")) },
        { "wrong-input-shape", (images, labels) => new Sequential(new Dense(10, activation: "softmax", inputShape: 784)) },
        { "no-result", (images, labels) => null! },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_gets_its_own_hint(string kind, Check.TrainingCode mistake) =>
        CodeCheckAssert.Wrong(Check.TrainedNetwork(mistake), kind);

    [Fact]
    public void An_exception_becomes_a_hint() =>
        CodeCheckAssert.ErrorOfKind(Check.TrainedNetwork((images, labels) =>
            Trained(LeNet("relu"), images.reshape(-1, 784), labels, epochs: 1)), "exception", "your code threw");

    [Fact]
    public void An_endless_loop_is_stopped_by_the_time_limit() =>
        CodeCheckAssert.ErrorOfKind(CodeCheckAssert.WithEndlessLoop(loop => Check.TrainedNetwork((images, labels) =>
        {
            loop();
            return LeNet("relu");
        })), "timeout", "did not finish");
}
