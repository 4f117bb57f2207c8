using MnistCourse.Layers;
using MnistCourse.Models;
using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>Exercise on building a network from its table (lesson 4): LeNet-5 with the sizes of tutorial 003's table.</summary>
public static partial class Check
{
    /// <summary>
    /// Builds the learner's model and compares it, row by row, with tutorial 003's LeNet-5 table on a 28×28×1 input:
    /// each layer's kind, output shape, weight count and activation (an <c>Activation</c> layer counts as its
    /// predecessor's activation). Names the first row that differs, with the learner's own layer's figures only.
    /// The expected model is built here with the library, never printed.
    /// </summary>
    public static CheckResult LeNet5Table(Func<Sequential> build) => RunCode(seed =>
    {
        ArgumentNullException.ThrowIfNull(build);
        var model = build();
        if (model is null) return CheckResult.Wrong("your function returned null: return the model you built.", "no-result");
        if (model.Layers.Count == 0) return CheckResult.Wrong("your model has no layers yet.", "missing-layer");
        if (!model.InputShape!.Equals(new Shape(28, 28, 1)))
            return CheckResult.Wrong($"your model takes {model.InputShape} images; MNIST's are 28×28 with one channel.", "wrong-input-shape");

        var expected = Rows(TableLeNet5());
        var actual = Rows(model);
        for (int i = 0; i < expected.Count; i++)
        {
            var row = $"row {i + 1} of the table";
            if (i >= actual.Count)
                return CheckResult.Wrong($"your model ends after {actual.Count} layers ({actual[^1].Layer.Name} last): " +
                                         $"{row} is missing.", "missing-layer");
            var (mine, table) = (actual[i], expected[i]);
            var name = $"layer {i + 1}, {mine.Layer.Name}";
            if (mine.Layer.TypeName != table.Layer.TypeName)
                return CheckResult.Wrong($"{name}, is a {mine.Layer.TypeName}: {row} is another kind of layer.", "wrong-layer-type");
            if (!mine.Layer.OutputShape.Equals(table.Layer.OutputShape))
            {
                // Only the side differs on the first convolution: the padding (28×28 in, the table's 32×32 sizes out).
                var (got, want) = (mine.Layer.OutputShape, table.Layer.OutputShape);
                bool padding = i == 0 && got.Rank == want.Rank && got[got.Rank - 1] == want[want.Rank - 1];
                return padding
                    ? CheckResult.Wrong($"{name}, outputs {mine.Layer.OutputShape}, not the side of {row}: which padding " +
                                        "keeps a 5×5 kernel from shrinking the 28×28 image?", "wrong-padding")
                    : CheckResult.Wrong($"{name}, outputs {mine.Layer.OutputShape}, not the shape of {row}.", "wrong-layer-shape");
            }
            if (mine.Layer.CountParams() != table.Layer.CountParams())
                return CheckResult.Wrong($"{name}, has {mine.Layer.CountParams():N0} weights, not as many as {row}: " +
                                         "check its kernel size and its input.", "wrong-weight-count");
            if (mine.Activation != table.Activation)
                return CheckResult.Wrong($"{name}, uses the activation {mine.Activation}; tutorial 003's LeNet-5 uses " +
                                         (table.Activation == "softmax" ? "softmax on its last layer." : "tanh in its hidden layers."),
                                         "wrong-activation");
        }
        if (actual.Count > expected.Count)
            return CheckResult.Wrong($"your model has {actual.Count - expected.Count} more layer(s) than the table, from " +
                                     $"{actual[expected.Count].Layer.Name} on.", "extra-layer");

        // One forward pass on a batch drawn from the seed: the model runs, and gives one probability per digit.
        using var scope = NewDisposeScope();
        var batch = rand([new Random(seed).Next(2, 6), 28, 28, 1], generator: new Generator((ulong)seed));
        using (no_grad())
            if (!model.forward(batch).sum(1).allclose(ones(batch.shape[0]), rtol: 0, atol: 1e-4))
                return CheckResult.Wrong("the outputs of an image do not sum to 1: are they probabilities?", "no-softmax");
        return CheckResult.Right($"every row of the table matches: {actual.Count} layers, {model.CountParams():N0} weights, " +
                                 $"{model.OutputShape} probabilities out.");
    }, visibleSeed: 5);

    /// <summary>Tutorial 003's table on MNIST's 28×28 images: a first convolution that keeps the side, as the paper's 32×32 input did.</summary>
    private static Sequential TableLeNet5() => new(
        new Conv2D(6, (5, 5), padding: "same", activation: "tanh", inputShape: (28, 28, 1)),
        new MaxPooling2D((2, 2)),
        new Conv2D(16, (5, 5), activation: "tanh"),
        new MaxPooling2D((2, 2)),
        new Flatten(),
        new Dense(120, activation: "tanh"),
        new Dense(84, activation: "tanh"),
        new Dense(10, activation: "softmax"));

    /// <summary>The model's rows as a table lists them: each layer with its activation, an Activation layer folded into the one before.</summary>
    private static List<(Layer Layer, string Activation)> Rows(Sequential model)
    {
        var rows = new List<(Layer Layer, string Activation)>();
        foreach (var layer in model.Layers)
            if (layer is Activation && rows.Count > 0 && rows[^1].Activation == "linear")
                rows[^1] = (rows[^1].Layer, layer.Activation);
            else
                rows.Add((layer, layer.Activation));
        return rows;
    }
}
