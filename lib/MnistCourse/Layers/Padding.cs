namespace MnistCourse.Layers;

/// <summary>Keras' padding modes and the output size they give.</summary>
internal static class Padding
{
    public static string Validate(string padding) => padding?.ToLowerInvariant() is ("valid" or "same") and var p
        ? p
        : throw new ArgumentException($"padding must be \"valid\" or \"same\", got \"{padding}\".", nameof(padding));

    /// <summary>
    /// Output length along one axis and the zeros added before/after, as TensorFlow computes them:
    /// valid → ⌊(n − k) / s⌋ + 1, no padding; same → ⌈n / s⌉, total padding max((out − 1)·s + k − n, 0), the
    /// smaller half before (so an odd total puts the extra zero at the bottom/right).
    /// </summary>
    public static (int output, (long before, long after) pad) Output(int n, int kernel, int stride, string padding, string layer)
    {
        if (padding == "valid")
        {
            if (kernel > n)
                throw new ArgumentException($"{layer}: window {kernel} is larger than its input ({n}) with padding \"valid\"; use a smaller kernel or padding \"same\".");
            return ((n - kernel) / stride + 1, (0, 0));
        }
        int output = (n + stride - 1) / stride;
        int total = Math.Max((output - 1) * stride + kernel - n, 0);
        return (output, (total / 2, total - total / 2));
    }
}
