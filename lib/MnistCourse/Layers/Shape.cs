namespace MnistCourse.Layers;

/// <summary>
/// A tensor shape without its batch axis, in Keras' channels-last order: (height, width, channels) for
/// images, (units) for flat vectors. Printed as Keras prints it, batch first: <c>(None, 26, 26, 32)</c>.
/// </summary>
/// <example><code>Shape s = (28, 28, 1);   // what Keras calls input_shape=(28, 28, 1)</code></example>
public sealed record Shape
{
    private readonly int[] _dims;

    public Shape(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        if (dims.Length == 0 || dims.Any(d => d <= 0))
            throw new ArgumentException($"a shape needs one or more positive sizes, got ({string.Join(", ", dims)}).", nameof(dims));
        _dims = (int[])dims.Clone();
    }

    public IReadOnlyList<int> Dims => _dims;
    public int Rank => _dims.Length;
    public int this[int axis] => _dims[axis];
    /// <summary>Number of values in one sample.</summary>
    public long Size => _dims.Aggregate(1L, (a, b) => a * b);

    public static implicit operator Shape(int units) => new(units);
    public static implicit operator Shape((int, int) hw) => new(hw.Item1, hw.Item2);
    public static implicit operator Shape((int, int, int) hwc) => new(hwc.Item1, hwc.Item2, hwc.Item3);

    public override string ToString() => "(None, " + string.Join(", ", _dims) + ")";

    public bool Equals(Shape? other) => other is not null && _dims.SequenceEqual(other._dims);
    public override int GetHashCode() => _dims.Aggregate(17, (h, d) => h * 31 + d);
}
