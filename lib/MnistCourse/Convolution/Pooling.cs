using System.Numerics;

namespace MnistCourse.Convolution;

/// <summary>Max pooling on plain arrays, as Keras' <c>MaxPooling2D</c> with padding "valid".</summary>
/// <remarks>
/// Why max: a feature map says how strongly a pattern was found at each place; the maximum of a
/// window keeps "found here" while halving the map (fewer numbers to process, wider view for the next layer).
/// <code>Pooling.MaxPool2D(new[,] { {1,3,2,0}, {4,2,1,1}, {0,1,5,6}, {2,2,7,8} });  // {{4,2},{2,8}}</code>
/// </remarks>
public static class Pooling
{
    /// <summary>Maximum over each <paramref name="poolSize"/>² window, windows <paramref name="stride"/> apart (default: the pool size); a partial window at the edge is dropped.</summary>
    public static T[,] MaxPool2D<T>(T[,] input, int poolSize = 2, int? stride = null) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        int s = stride ?? poolSize;
        ArgumentOutOfRangeException.ThrowIfLessThan(s, 1, nameof(stride));
        int h = input.GetLength(0), w = input.GetLength(1);
        if (h < poolSize || w < poolSize)
            throw new ArgumentException($"input {h}×{w} is smaller than the pool {poolSize}×{poolSize}.", nameof(input));
        int rows = (h - poolSize) / s + 1, cols = (w - poolSize) / s + 1;
        var result = new T[rows, cols];
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
        {
            T max = input[r * s, c * s];
            for (int i = 0; i < poolSize; i++)
            for (int j = 0; j < poolSize; j++)
                max = T.Max(max, input[r * s + i, c * s + j]);
            result[r, c] = max;
        }
        return result;
    }
}
