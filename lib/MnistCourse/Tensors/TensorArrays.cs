using static TorchSharp.torch;

namespace MnistCourse.Tensors;

/// <summary>Tensors → plain arrays, for the pictures and the by-hand convolution (channels-last in, as Keras holds images).</summary>
public static class TensorArrays
{
    /// <summary>One image, (H, W) or (H, W, 1), as a float[H, W].</summary>
    public static float[,] ToImage(this Tensor image)
    {
        var t = image.dim() == 3 && image.shape[2] == 1 ? image.squeeze(2) : image.alias();
        using (t)
        {
            if (t.dim() != 2) throw new ArgumentException($"an image must be (H, W) or (H, W, 1), found ({string.Join(", ", image.shape)}).", nameof(image));
            using var f = t.to(ScalarType.Float32).contiguous();
            var data = f.data<float>().ToArray();
            int h = (int)f.shape[0], w = (int)f.shape[1];
            var result = new float[h, w];
            Buffer.BlockCopy(data, 0, result, 0, data.Length * sizeof(float));
            return result;
        }
    }

    /// <summary>A batch (N, H, W[, 1]) as N images.</summary>
    public static float[][,] ToImages(this Tensor batch) =>
        Enumerable.Range(0, (int)batch.shape[0]).Select(i => { using var one = batch[i]; return one.ToImage(); }).ToArray();

    /// <summary>Feature maps of one sample, channels-last (H, W, C), as float[C, H, W] (one map per channel).</summary>
    public static float[,,] ToFeatureMaps(this Tensor maps)
    {
        if (maps.dim() == 4 && maps.shape[0] == 1) { using var one = maps[0]; return one.ToFeatureMaps(); }
        if (maps.dim() != 3) throw new ArgumentException($"feature maps must be (H, W, C) for one sample, found ({string.Join(", ", maps.shape)}).", nameof(maps));
        using var chw = maps.permute(2, 0, 1).to(ScalarType.Float32).contiguous();
        var data = chw.data<float>().ToArray();
        var result = new float[chw.shape[0], chw.shape[1], chw.shape[2]];
        Buffer.BlockCopy(data, 0, result, 0, data.Length * sizeof(float));
        return result;
    }

    /// <summary>A 2-D tensor as double[rows, cols] (kernels, small matrices).</summary>
    public static double[,] ToMatrix(this Tensor matrix)
    {
        if (matrix.dim() != 2) throw new ArgumentException($"expected a 2-D tensor, found ({string.Join(", ", matrix.shape)}).", nameof(matrix));
        using var d = matrix.to(ScalarType.Float64).contiguous();
        var data = d.data<double>().ToArray();
        var result = new double[d.shape[0], d.shape[1]];
        Buffer.BlockCopy(data, 0, result, 0, data.Length * sizeof(double));
        return result;
    }

    /// <summary>Class labels from one-hot rows or probabilities (argmax per row), or as they are when already integers.</summary>
    public static int[] ToLabels(this Tensor labelsOrProbabilities)
    {
        using var idx = labelsOrProbabilities.dim() == 2 ? labelsOrProbabilities.argmax(1) : labelsOrProbabilities.to(ScalarType.Int64);
        return idx.data<long>().ToArray().Select(v => (int)v).ToArray();
    }
}
