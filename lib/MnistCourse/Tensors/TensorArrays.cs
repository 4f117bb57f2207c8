using static TorchSharp.torch;

namespace MnistCourse.Tensors;

/// <summary>Tensors → plain arrays, for the pictures and the by-hand convolution (channels-last in, as Keras holds images).</summary>
public static class TensorArrays
{
    /// <summary>One image, (H, W) or (H, W, 1), as a float[H, W].</summary>
    public static float[,] ToImage(this Tensor image)
    {
        using var t = image.dim() == 3 && image.shape[2] == 1 ? image.squeeze(2) : image.alias();
        if (t.dim() != 2) throw new ArgumentException($"an image must be (H, W) or (H, W, 1), found ({string.Join(", ", image.shape)}).", nameof(image));
        return (float[,])CopyFloats(t, new float[t.shape[0], t.shape[1]]);
    }

    /// <summary>A batch (N, H, W[, 1]) as N images.</summary>
    public static float[][,] ToImages(this Tensor batch) =>
        Enumerable.Range(0, (int)batch.shape[0]).Select(i => { using var one = batch[i]; return one.ToImage(); }).ToArray();

    /// <summary>Feature maps of one sample, channels-last (H, W, C), as float[C, H, W] (one map per channel).</summary>
    public static float[,,] ToFeatureMaps(this Tensor maps)
    {
        if (maps.dim() == 4 && maps.shape[0] == 1) { using var one = maps[0]; return one.ToFeatureMaps(); }
        if (maps.dim() != 3) throw new ArgumentException($"feature maps must be (H, W, C) for one sample, found ({string.Join(", ", maps.shape)}).", nameof(maps));
        using var chw = maps.permute(2, 0, 1);
        return (float[,,])CopyFloats(chw, new float[chw.shape[0], chw.shape[1], chw.shape[2]]);
    }

    /// <summary>Class labels from one-hot rows or probabilities (argmax per row), or as they are when already integers.</summary>
    public static int[] ToLabels(this Tensor labelsOrProbabilities)
    {
        using var idx = labelsOrProbabilities.dim() == 2 ? labelsOrProbabilities.argmax(1) : labelsOrProbabilities.to(ScalarType.Int64);
        return idx.data<long>().ToArray().Select(v => (int)v).ToArray();
    }

    /// <summary>The tensor's values as float32, copied into <paramref name="result"/>, a float array of the tensor's shape.</summary>
    private static Array CopyFloats(Tensor tensor, Array result)
    {
        using var floats = tensor.to(ScalarType.Float32).contiguous();
        Buffer.BlockCopy(floats.data<float>().ToArray(), 0, result, 0, Buffer.ByteLength(result));
        return result;
    }
}
