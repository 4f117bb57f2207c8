using MnistCourse.Exercises;
using MnistCourse.Layers;
using MnistCourse.Models;
using MnistCourse.Native;

namespace MnistCourse.Tests.Exercises;

public class LeNetTableCheckTests
{
    public LeNetTableCheckTests() => TorchRuntime.EnsureReady();

    /// <summary>The worked solution, with the choices a mistake changes.</summary>
    private static Sequential LeNet(string padding = "same", string activation = "tanh", int firstKernel = 5, int secondPool = 2,
                                    int firstDense = 120, bool softmax = true, Layer? extra = null, int side = 28)
    {
        var model = new Sequential();
        model.Add(new Conv2D(6, (firstKernel, firstKernel), padding: padding, activation: activation, inputShape: (side, side, 1)));
        model.Add(new MaxPooling2D((2, 2)));
        model.Add(new Conv2D(16, (5, 5), activation: activation));
        if (secondPool > 0) model.Add(new MaxPooling2D((secondPool, secondPool)));
        model.Add(new Flatten());
        model.Add(new Dense(firstDense, activation: activation));
        model.Add(new Dense(84, activation: activation));
        model.Add(new Dense(10, activation: softmax ? "softmax" : null));
        if (extra is not null) model.Add(extra);
        return model;
    }

    [Fact]
    public void The_untouched_starter_is_not_answered() =>
        CodeCheckAssert.NotAnswered(Check.LeNet5Table(CodeCheckAssert.Starter<Sequential>));

    [Fact]
    public void The_worked_solution_passes()
    {
        var result = Check.LeNet5Table(() => LeNet());
        CheckAssert.Passes(result);
        Assert.Contains("61,706 weights", result.Message);
    }

    [Fact]
    public void Activations_written_as_their_own_layers_pass_too() =>
        CheckAssert.Passes(Check.LeNet5Table(() => new Sequential(
            new Conv2D(6, (5, 5), padding: "same", inputShape: (28, 28, 1)), new Activation("tanh"),
            new MaxPooling2D((2, 2)),
            new Conv2D(16, (5, 5)), new Activation("tanh"),
            new MaxPooling2D((2, 2)),
            new Flatten(),
            new Dense(120), new Activation("tanh"),
            new Dense(84), new Activation("tanh"),
            new Dense(10), new Activation("softmax"))));

    public static TheoryData<string, Func<Sequential>, string> Mistakes() => new()
    {
        { "wrong-padding", () => LeNet(padding: "valid"), "layer 1, conv2d, outputs (None, 24, 24, 6)" },
        { "wrong-activation", () => LeNet(activation: "relu"), "layer 1, conv2d, uses the activation relu" },
        { "wrong-activation", () => LeNet(softmax: false), "layer 8, dense_2, uses the activation linear" },
        { "wrong-layer-type", () => LeNet(secondPool: 0), "layer 4, flatten, is a Flatten" },
        { "wrong-layer-shape", () => LeNet(firstDense: 100), "layer 6, dense, outputs (None, 100)" },
        { "wrong-weight-count", () => LeNet(firstKernel: 3), "layer 1, conv2d, has 60 weights" },
        { "extra-layer", () => LeNet(extra: new Dropout(0.5)), "from dropout on" },
        { "missing-layer", () => new Sequential(new Conv2D(6, (5, 5), padding: "same", activation: "tanh", inputShape: (28, 28, 1))),
          "row 2 of the table is missing" },
        { "wrong-input-shape", () => LeNet(side: 32), "(None, 32, 32, 1)" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void The_first_row_that_differs_is_named_without_the_table(string kind, Func<Sequential> mistake, string named)
    {
        var result = Check.LeNet5Table(mistake);
        CodeCheckAssert.Wrong(result, kind);
        Assert.Contains(named, result.Message);
        // The table's own figures for the row are never printed: neither its shapes nor the padding that gives them.
        CodeCheckAssert.HidesCode(result, "same", "(None, 28, 28, 6)", "(None, 14, 14, 6)", "(None, 400)", "(None, 120)", "48,120", "156");
    }

    [Fact]
    public void An_exception_becomes_a_hint() =>
        CodeCheckAssert.ErrorOfKind(Check.LeNet5Table(() => new Sequential(new Conv2D(6, (5, 5), inputShape: (28, 28)))),
                                    "exception", "your code threw ArgumentException");

    [Fact]
    public void An_endless_loop_is_stopped_by_the_time_limit() =>
        CodeCheckAssert.ErrorOfKind(CodeCheckAssert.WithEndlessLoop(loop => Check.LeNet5Table(() =>
        {
            loop();
            return LeNet();
        })), "timeout", "did not finish");
}
