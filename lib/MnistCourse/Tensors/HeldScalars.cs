using TorchSharp;

namespace MnistCourse.Tensors;

/// <summary>
/// Numbers passed to libtorch (an optimizer step's <c>mul_(ρ)</c>, <c>addcdiv_(…, value: −lr)</c>), as Scalars that stay
/// referenced until this is disposed, then are freed at once.
/// </summary>
/// <remarks>
/// Why: TorchSharp 0.107 turns a <c>double</c> argument into a temporary <see cref="Scalar"/> and passes only its native
/// handle on, so the temporary is unreachable while libtorch still reads it. A garbage collection at that moment lets its
/// finalizer free the native Scalar under libtorch, which then reads garbage: a 2026-12-06 reproduction run of lesson 2
/// died after 4 epochs with "Expected false to be true … toFloat at c10/core/Scalar.h:140" in <c>addcdiv_</c>, from
/// torch's own RMSProp (dotnet/TorchSharp pull requests 1434 and 1496 are about these temporaries). A Scalar held here is
/// reachable until <see cref="Dispose"/>, after every call that reads it has returned. Pass every Scalar a call takes:
/// TorchSharp fills an omitted one in the same way (<c>add_(ε)</c> is <c>add_(ε, 1)</c> with a temporary 1).
/// </remarks>
/// <example><code>
/// using var scalars = new HeldScalars();
/// weight.addcdiv_(g, denominator, value: scalars.Hold(-lr));
/// </code></example>
public sealed class HeldScalars : IDisposable
{
    private readonly List<Scalar> held = [];

    public Scalar Hold(double value)
    {
        var scalar = value.ToScalar();
        held.Add(scalar);
        return scalar;
    }

    public void Dispose()
    {
        foreach (var scalar in held) scalar.Dispose();
        held.Clear();
    }
}
