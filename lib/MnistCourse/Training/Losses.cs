using MnistCourse.Tensors;
using static TorchSharp.torch;

namespace MnistCourse.Training;

/// <summary>Keras' <c>categorical_crossentropy</c> on one-hot labels, mean over the batch.</summary>
public static class Losses
{
    public const string CategoricalCrossentropy = "categorical_crossentropy";

    public static string Validate(string name) => name == CategoricalCrossentropy
        ? name
        : throw new ArgumentException($"unknown loss '{name}'; the course implements \"{CategoricalCrossentropy}\" (labels one-hot, see Utils.ToCategorical).", nameof(name));

    /// <summary>
    /// −Σ y·log softmax(z), from logits: the stable form tf.keras uses when the output layer is a softmax.
    /// </summary>
    public static Tensor FromLogits(Tensor logits, Tensor oneHot)
    {
        using var logProbabilities = nn.functional.log_softmax(logits, 1);
        using var perSample = (oneHot * logProbabilities).sum(1);
        return perSample.mean().neg_();
    }

    /// <summary>
    /// −Σ y·log p, from outputs scaled to sum to 1 per sample and clipped to [1e-7, 1 − 1e-7], as Keras does (a sigmoid
    /// output layer's values are not probabilities of one class each until scaled).
    /// </summary>
    public static Tensor FromProbabilities(Tensor probabilities, Tensor oneHot)
    {
        using var scope = NewDisposeScope();
        using var bounds = new HeldScalars();   // clamp's bounds, held while libtorch reads them (HeldScalars says why)
        var clipped = (probabilities / probabilities.sum(1, keepdim: true)).clamp(bounds.Hold(1e-7), bounds.Hold(1 - 1e-7));
        return scope.MoveToOuter((oneHot * clipped.log()).sum(1).mean().neg_());
    }

    public static void CheckLabels(Tensor outputs, Tensor labels, string what)
    {
        if (labels.dim() != 2 || labels.shape[1] != outputs.shape[1] || labels.shape[0] != outputs.shape[0])
            throw new ArgumentException(
                $"{what}: categorical_crossentropy expects one-hot labels of shape ({outputs.shape[0]}, {outputs.shape[1]}), found ({string.Join(", ", labels.shape)}). " +
                "Convert integer labels with Utils.ToCategorical(y).");
    }
}
