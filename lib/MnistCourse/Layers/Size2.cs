namespace MnistCourse.Layers;

/// <summary>A height × width pair, such as a kernel, pool or stride size; an <c>int</c> n means n × n, as in Keras.</summary>
/// <example><code>new Conv2D(32, kernelSize: (3, 3));  new MaxPooling2D(poolSize: 2);</code></example>
public readonly record struct Size2(int Height, int Width)
{
    public static implicit operator Size2(int n) => new(n, n);
    public static implicit operator Size2((int, int) hw) => new(hw.Item1, hw.Item2);

    internal Size2 Validate(string argument) => Height > 0 && Width > 0
        ? this
        : throw new ArgumentOutOfRangeException(argument, $"{argument} must be positive, got ({Height}, {Width}).");

    public override string ToString() => $"({Height}, {Width})";
}
