using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>Exercises on the sizes convolutions and pooling produce (lessons 1, 3 and 4).</summary>
public static partial class Check
{
    /// <summary>The side of a square conv output; the expected side is what TorchSharp's <c>conv2d</c> returns for that input.</summary>
    public static CheckResult OutputSide(long answer, int input, int kernel, int stride = 1, int padding = 0) => Run(() =>
    {
        long expected = MeasuredOutputSide(input, kernel, stride, padding);
        var setting = $"a {kernel}×{kernel} kernel, stride {stride}, padding {padding} on a {input}×{input} input";
        if (answer == expected) return CheckResult.Right($"{answer}: {setting} gives {answer}×{answer}.");
        if (answer == Unanswered) return NotAnswered("the output's side");
        // ⌊(n + 2p − k + 1)/s⌋, the common wrong formula, is one short whenever it differs from the right one.
        if (answer == expected - 1)
            return CheckResult.Wrong("one short: the first window counts too — that is the + 1 of ⌊(n + 2p − k)/s⌋ + 1, " +
                                     "added after rounding down, not inside the division.", "off-by-one");
        if (stride > 1 && (answer == input / stride || answer == (input + stride - 1) / stride))
            return CheckResult.Wrong($"that divides the input's side by the stride; stride {stride} keeps one position in " +
                                     $"{stride} of the stride-1 output, which has n + 2p − k + 1 positions.", "divided-input-by-stride");
        // The formula with its letters only: filled in, it would be the answer minus the arithmetic.
        return CheckResult.Wrong($"{Direction(answer, expected)}: put this exercise's input side n, kernel side k, padding p " +
                                 "and stride s into ⌊(n + 2p − k)/s⌋ + 1.", "wrong-size");
    });

    /// <summary>How many rings of zeros keep a square input at its size under a stride-1 window (Keras' padding "same").</summary>
    public static CheckResult PaddingThatKeepsSize(int answer, int input, int kernel) => Run(() =>
    {
        if (answer < 0) return CheckResult.Wrong("padding counts rings of zeros around the image: 0 or more.");
        long side = MeasuredOutputSide(input, kernel, stride: 1, padding: answer);
        if (side == input) return CheckResult.Right($"{answer}: padding {answer} keeps {input}×{input} with a {kernel}×{kernel} kernel.");
        var found = $"with padding {answer} the output is {side}×{side}, not {input}×{input}";
        return answer == Unanswered
            ? CheckResult.Wrong($"{found} (that is padding 'valid'): each ring of zeros adds a pixel at both ends of a side.")
            : CheckResult.Wrong($"{found}: each ring of zeros adds a pixel at both ends of a side, and a {kernel}-wide window " +
                                $"takes {kernel} − 1 away.");
    });

    /// <summary>
    /// The receptive field (side of the input patch one output value sees) of a stack of square windows, each
    /// given as (kernel, stride) in order from the input. The expected side is measured, not computed from a
    /// formula: the gradient of one output value with respect to the input is non-zero exactly on that patch.
    /// </summary>
    public static CheckResult ReceptiveField(long answer, params (int Kernel, int Stride)[] layers) => Run(() =>
    {
        long expected = MeasuredReceptiveField(layers);
        if (answer == expected) return CheckResult.Right($"{answer}: one value of the last layer sees {answer}×{answer} input pixels.");
        if (answer == Unanswered) return NotAnswered("the side of the input patch one value sees");
        long withoutJumps = 1 + layers.Sum(l => l.Kernel - 1L);
        if (answer == withoutJumps && layers.Any(l => l.Stride > 1))
            return CheckResult.Wrong("that adds k − 1 per layer as if every step were 1 pixel; after a stride-2 layer, " +
                                     "neighbouring values lie 2 input pixels apart (jump doubles).");
        return CheckResult.Wrong($"{Direction(answer, expected)}: walk from the input with r = 1, jump = 1; " +
                                 "each layer does r += (k − 1)·jump, then jump *= s.");
    });

    internal static long MeasuredOutputSide(int input, int kernel, int stride, int padding)
    {
        using var scope = NewDisposeScope();
        var output = nn.functional.conv2d(zeros(1, 1, input, input), ones(1, 1, kernel, kernel),
                                          strides: [stride, stride], padding: [padding, padding]);
        return output.shape[2];
    }

    internal static long MeasuredReceptiveField((int Kernel, int Stride)[] layers)
    {
        if (layers.Length == 0) throw new ArgumentException("give at least one (kernel, stride) layer.", nameof(layers));
        // Big enough for the field; average pooling has the same geometry as convolution or max pooling and
        // passes gradient to every input of its window.
        int side = layers.Aggregate((field: 1, jump: 1), (a, l) => (a.field + (l.Kernel - 1) * a.jump, a.jump * l.Stride)).field * 2 + 1;
        using var scope = NewDisposeScope();
        var input = zeros(1, 1, side, side, requires_grad: true);
        var x = input;
        foreach (var (k, s) in layers) x = nn.functional.avg_pool2d(x, [k, k], stride: [s, s]);
        x[0, 0, 0, 0].backward();
        var touched = input.grad!.ne(0)[0, 0];
        return touched.any(dim: 0).sum().item<long>();
    }
}
