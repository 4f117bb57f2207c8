using TorchSharp;
using TorchSharp.Modules;

namespace MnistCourse.Training.Optimizers;

/// <summary>
/// A Keras optimizer's settings, chosen before the model is compiled as in Keras. <c>Compile</c> binds them to the
/// model's weights as a TorchSharp optimizer (<c>model.Optimizer</c>), which holds the state and which TorchSharp's
/// learning-rate schedulers drive.
/// </summary>
public abstract class Optimizer(double learningRate)
{
    public double LearningRate { get; } = learningRate > 0
        ? learningRate
        : throw new ArgumentOutOfRangeException(nameof(learningRate), $"learningRate must be positive, got {learningRate}.");

    /// <summary>The optimizers Keras knows by name, with Keras' defaults: "rmsprop", "adam", "sgd".</summary>
    public static Optimizer FromName(string name) => name.ToLowerInvariant() switch
    {
        "rmsprop" => new RMSprop(),
        "adam" => new Adam(),
        "sgd" => new SGD(),
        _ => throw new ArgumentException($"unknown optimizer '{name}'; use \"rmsprop\", \"adam\" or \"sgd\", or an optimizer object such as new Adam(learningRate: 1e-3).", nameof(name)),
    };

    public abstract torch.optim.Optimizer Bind(IEnumerable<Parameter> parameters);
}
