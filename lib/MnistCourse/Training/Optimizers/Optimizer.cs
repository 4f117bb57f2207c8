using TorchSharp.Modules;

namespace MnistCourse.Training.Optimizers;

/// <summary>A Keras optimizer's settings; <see cref="Bind"/> attaches it to a model's weights.</summary>
public abstract class Optimizer
{
    protected Optimizer(double learningRate)
    {
        if (!(learningRate > 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), $"learningRate must be positive, got {learningRate}.");
        LearningRate = learningRate;
    }

    public double LearningRate { get; }

    /// <summary>The optimizers Keras knows by name, with Keras' defaults: "rmsprop", "adam", "sgd".</summary>
    public static Optimizer FromName(string name) => name.ToLowerInvariant() switch
    {
        "rmsprop" => new RMSprop(),
        "adam" => new Adam(),
        "sgd" => new SGD(),
        _ => throw new ArgumentException($"unknown optimizer '{name}'; use \"rmsprop\", \"adam\" or \"sgd\", or an optimizer object such as new Adam(learningRate: 1e-3).", nameof(name)),
    };

    /// <summary>Creates the update for <paramref name="parameters"/>: the state (moments) lives there.</summary>
    public abstract IWeightUpdate Bind(IReadOnlyList<Parameter> parameters);
}

/// <summary>One optimizer bound to one set of weights: applies a step from the current gradients.</summary>
public interface IWeightUpdate
{
    /// <summary>Updates every weight from its gradient.</summary>
    void Step();
}
