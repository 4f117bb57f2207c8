using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>
/// Keras' <c>MaxPooling2D</c>: the maximum of each window, halving each side with the default 2 × 2 pool. No weights.
/// <c>strides</c> default to the pool size; padding is "valid" only (Keras' default): a partial window at the edge is dropped.
/// </summary>
/// <example><code>new MaxPooling2D((2, 2))   // (None, 26, 26, 32) → (None, 13, 13, 32)</code></example>
public sealed class MaxPooling2D(Size2? poolSize = null, Size2? strides = null, string padding = "valid", Shape? inputShape = null)
    : Layer(nameof(MaxPooling2D), inputShape)
{
    private readonly Size2 _pool = (poolSize ?? 2).Validate(nameof(poolSize));
    private readonly Size2? _strides = strides?.Validate(nameof(strides));
    private readonly string _padding = Padding.Validate(padding) is "valid"
        ? "valid"
        : throw new NotSupportedException("MaxPooling2D supports padding \"valid\" (Keras' default) only.");
    private MaxPool2d? _maxPool;

    protected override Shape BuildCore(Shape input)
    {
        if (input.Rank != 3)
            throw ShapeError(Name, "an image input (None, height, width, channels)", input);
        var strides = _strides ?? _pool;
        var (outH, _) = Padding.Output(input[0], _pool.Height, strides.Height, _padding, Name);
        var (outW, _) = Padding.Output(input[1], _pool.Width, strides.Width, _padding, Name);
        _maxPool = nn.MaxPool2d((_pool.Height, _pool.Width), stride: (strides.Height, strides.Width));
        register_module("pool", _maxPool);
        return new Shape(outH, outW, input[2]);
    }

    protected internal override Tensor PreActivation(Tensor x) => _maxPool!.forward(x);
}
