using TorchSharp;

namespace MnistCourse.Models;

/// <summary>
/// Puts a module in training mode (dropout on) or evaluation mode (off) for a <c>using</c> block and gives it back the
/// mode it had, also when the block throws or is interrupted: an interrupted <c>Evaluate</c> must not leave dropout
/// switched off for the next <c>Fit</c>.
/// </summary>
public readonly struct ModeScope : IDisposable
{
    private readonly torch.nn.Module _module;
    private readonly bool _wasTraining;

    public ModeScope(torch.nn.Module module, bool training)
    {
        _module = module;
        _wasTraining = module.training;
        module.train(training);
    }

    public void Dispose() => _module.train(_wasTraining);
}
