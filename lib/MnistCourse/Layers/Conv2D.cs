using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>
/// Keras' <c>Conv2D</c>: <c>filters</c> learned kernels slid over the image; each output channel is one feature map.
/// Computes cross-correlation (no kernel flip), as every deep-learning framework does. <c>padding</c>: "valid" (none)
/// or "same" (zeros so that output = ⌈input / stride⌉); <c>inputShape</c> (channels-last) on the first layer only.
/// </summary>
/// <example><code>new Conv2D(32, (3, 3), activation: "relu", inputShape: (28, 28, 1))   // → (None, 26, 26, 32), 320 params</code></example>
public sealed class Conv2D(int filters, Size2 kernelSize, Size2? strides = null, string padding = "valid", string? activation = null, Shape? inputShape = null)
    : Layer(nameof(Conv2D), inputShape, activation)
{
    private readonly int _filters = filters >= 1 ? filters : throw new ArgumentOutOfRangeException(nameof(filters), $"filters must be at least 1, got {filters}.");
    private readonly Size2 _kernel = kernelSize.Validate(nameof(kernelSize));
    private readonly Size2 _strides = (strides ?? 1).Validate(nameof(strides));
    private readonly string _padding = Padding.Validate(padding);
    private (long left, long right, long top, long bottom) _pad;
    private Conv2d? _conv;

    /// <summary>The torch module doing the work (weight shape: filters × in-channels × kh × kw).</summary>
    public Conv2d Conv => _conv ?? throw new InvalidOperationException($"{Name} is not built yet.");

    protected override Shape BuildCore(Shape input)
    {
        if (input.Rank != 3)
            throw ShapeError(Name, "an image input (None, height, width, channels)", input);
        int h = input[0], w = input[1], c = input[2];
        var (outH, padH) = Padding.Output(h, _kernel.Height, _strides.Height, _padding, Name);
        var (outW, padW) = Padding.Output(w, _kernel.Width, _strides.Width, _padding, Name);
        _pad = (padW.before, padW.after, padH.before, padH.after);

        _conv = nn.Conv2d(c, _filters, (_kernel.Height, _kernel.Width), stride: (_strides.Height, _strides.Width));
        Initializers.KerasDefaults(_conv.weight!, _conv.bias!, fanIn: (long)_kernel.Height * _kernel.Width * c, fanOut: (long)_kernel.Height * _kernel.Width * _filters);
        register_module("conv", _conv);
        return new Shape(outH, outW, _filters);
    }

    protected internal override Tensor PreActivation(Tensor x)
    {
        if (_pad == default) return Conv.forward(x);
        using var padded = nn.functional.pad(x, (_pad.left, _pad.right, _pad.top, _pad.bottom));
        return Conv.forward(padded);
    }
}
