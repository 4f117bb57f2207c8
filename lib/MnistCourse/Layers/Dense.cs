using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MnistCourse.Layers;

/// <summary>Keras' <c>Dense</c>: every input connected to each of units outputs, <c>activation(x·W + b)</c>.</summary>
/// <example><code>new Dense(64, activation: "relu")   // (None, 576) → (None, 64), 36,928 params</code></example>
public sealed class Dense(int units, string? activation = null, Shape? inputShape = null) : Layer(nameof(Dense), inputShape, activation)
{
    private readonly int _units = units >= 1 ? units : throw new ArgumentOutOfRangeException(nameof(units), $"units must be at least 1, got {units}.");
    private TorchSharp.Modules.Linear? _linear;

    /// <summary>The torch module doing the work (weight shape: units × inputs, the transpose of Keras' kernel).</summary>
    public TorchSharp.Modules.Linear Linear => _linear ?? throw new InvalidOperationException($"{Name} is not built yet.");

    protected override Shape BuildCore(Shape input)
    {
        if (input.Rank != 1)
            throw ShapeError(Name, "a flat input (None, n): add Flatten() before it", input);
        _linear = nn.Linear(input[0], _units);
        Initializers.KerasDefaults(_linear.weight!, _linear.bias!, fanIn: input[0], fanOut: _units);
        register_module("linear", _linear);
        return new Shape(_units);
    }

    protected internal override Tensor PreActivation(Tensor x) => _linear!.forward(x);
}
