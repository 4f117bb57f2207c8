using static TorchSharp.torch;

namespace MnistCourse.Tensors;

/// <summary>Keras' <c>keras.utils</c> helpers the tutorials use.</summary>
public static class Utils
{
    /// <summary>Integer class labels → one-hot rows (float32), as Keras' <c>to_categorical</c>.</summary>
    /// <example><code>Utils.ToCategorical(torch.tensor(new long[] { 5, 0 }))   // [[0,0,0,0,0,1,0,0,0,0], [1,0,…]]</code></example>
    public static Tensor ToCategorical(Tensor labels, int numClasses = 10)
    {
        if (labels.dim() != 1) throw new ArgumentException($"labels must be one value per sample, shape (N), found ({string.Join(", ", labels.shape)}).", nameof(labels));
        using var asLong = labels.to(ScalarType.Int64);
        if (labels.numel() > 0)
        {
            long max = asLong.max().item<long>(), min = asLong.min().item<long>();
            if (min < 0 || max >= numClasses)
                throw new ArgumentException($"labels must lie in 0..{numClasses - 1}, found {min}..{max}.", nameof(labels));
        }
        using var oneHot = nn.functional.one_hot(asLong, numClasses);
        return oneHot.to(ScalarType.Float32);
    }
}
