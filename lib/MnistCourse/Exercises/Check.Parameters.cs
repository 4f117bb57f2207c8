using MnistCourse.Layers;
using MnistCourse.Models;

namespace MnistCourse.Exercises;

/// <summary>Exercises on counting a layer's weights before <c>Summary</c> shows them (lessons 2, 4 and 5).</summary>
public static partial class Check
{
    /// <summary>
    /// The weights of <c>Conv2D(filters, (kernel, kernel))</c> on an input with <paramref name="inputChannels"/>
    /// channels. The expected count is that of the layer, built.
    /// </summary>
    public static CheckResult ConvParameters(long answer, int filters, int kernel, int inputChannels) => Run(() =>
    {
        long expected = new Sequential(new Conv2D(filters, (kernel, kernel), inputShape: (kernel, kernel, inputChannels))).CountParams();
        var layer = $"Conv2D({filters}, ({kernel}, {kernel})) on {inputChannels} channel{(inputChannels == 1 ? "" : "s")}";
        if (answer == expected) return CheckResult.Right($"{answer:N0}: {layer} has {answer:N0} weights.");
        if (answer == Unanswered) return NotAnswered("the number of weights");
        if (answer == (long)filters * kernel * kernel * inputChannels)
            return CheckResult.Wrong("close: every filter also has one bias.");
        if (answer == (long)filters * (kernel * kernel + 1) && inputChannels > 1)
            return CheckResult.Wrong("a kernel spans every input channel: it holds k·k·channels weights, not k·k.");
        return CheckResult.Wrong($"{Direction(answer, expected)}: count one filter (k·k·channels weights and a bias), " +
                                 "then multiply by the number of filters.");
    });

    /// <summary>The weights of <c>Dense(units)</c> on <paramref name="inputs"/> values. The expected count is that of the layer, built.</summary>
    public static CheckResult DenseParameters(long answer, int inputs, int units) => Run(() =>
    {
        long expected = new Sequential(new Dense(units, inputShape: inputs)).CountParams();
        if (answer == expected) return CheckResult.Right($"{answer:N0}: Dense({units}) on {inputs:N0} inputs has {answer:N0} weights.");
        if (answer == Unanswered) return NotAnswered("the number of weights");
        if (answer == (long)inputs * units) return CheckResult.Wrong("close: every unit also has one bias.");
        if (answer == inputs + units || answer == inputs + 1L)
            return CheckResult.Wrong("every unit is connected to every input: multiply, do not add.");
        return CheckResult.Wrong($"{Direction(answer, expected)}: each unit has one weight per input and one bias.");
    });
}
