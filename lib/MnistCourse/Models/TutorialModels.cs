using MnistCourse.Layers;

namespace MnistCourse.Models;

/// <summary>
/// The four tutorial networks, layer for layer as the seeds build them. The lessons build each one cell by
/// cell to teach it; tests and the benchmark take them from here.
/// </summary>
public static class TutorialModels
{
    /// <summary>Chollet's convnet (tutorials 000, 002): 3 × Conv2D 3×3 (32, 64, 64) with max pooling, Dense 64, Dense 10 softmax — 93,322 weights.</summary>
    public static Sequential Chollet(bool withClassifier = true)
    {
        var model = new Sequential(
            new Conv2D(32, (3, 3), activation: "relu", inputShape: (28, 28, 1)),
            new MaxPooling2D((2, 2)),
            new Conv2D(64, (3, 3), activation: "relu"),
            new MaxPooling2D((2, 2)),
            new Conv2D(64, (3, 3), activation: "relu"));
        if (withClassifier)
        {
            model.Add(new Flatten());
            model.Add(new Dense(64, activation: "relu"));
            model.Add(new Dense(10, activation: "softmax"));
        }
        return model;
    }

    /// <summary>LeNet-5 on 28×28 inputs (tutorial 003 with tanh, tutorial 004 with relu): 6 and 16 5×5 filters, Dense 120, 84, 10 — 44,426 weights.</summary>
    public static Sequential LeNet5(string activation = "tanh") => new(
        new Conv2D(6, (5, 5), padding: "valid", activation: activation, inputShape: (28, 28, 1)),
        new MaxPooling2D((2, 2)),
        new Conv2D(16, (5, 5), padding: "valid", activation: activation),
        new MaxPooling2D((2, 2)),
        new Flatten(),
        new Dense(120, activation: activation),
        new Dense(84, activation: activation),
        new Dense(10, activation: "softmax"));

    /// <summary>The deeper convnet with dropout (tutorial 001): 5×5 convs 32 and 64 with max pooling, Dense 128, Dropout 0.5, Dense 10 — 184,586 weights.</summary>
    public static Sequential DropoutConvnet() => new(
        new Conv2D(filters: 32, kernelSize: (5, 5), padding: "valid", inputShape: (28, 28, 1)),
        new Activation("relu"),
        new MaxPooling2D(poolSize: (2, 2)),
        new Conv2D(filters: 64, kernelSize: (5, 5), padding: "valid"),
        new Activation("relu"),
        new MaxPooling2D(poolSize: (2, 2)),
        new Flatten(),
        new Dense(128),
        new Activation("relu"),
        new Dropout(0.5),
        new Dense(10),
        new Activation("softmax"));

    /// <summary>The network a tutorial id names: chollet, lenet-tanh, lenet-relu, dropout.</summary>
    public static Sequential ForTutorial(string id) => id switch
    {
        "chollet" => Chollet(),
        "lenet-tanh" => LeNet5("tanh"),
        "lenet-relu" => LeNet5("relu"),
        "dropout" => DropoutConvnet(),
        _ => throw new ArgumentException($"unknown tutorial '{id}'; known: chollet, lenet-tanh, lenet-relu, dropout.", nameof(id)),
    };
}
