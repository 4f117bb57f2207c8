using System.Numerics;

namespace MnistCourse.Convolution;

/// <summary>
/// 2-D convolution and cross-correlation on plain arrays, with <c>scipy.signal.convolve2d</c> /
/// <c>correlate2d</c> semantics (zero fill), for integers and floating point alike.
/// </summary>
/// <remarks>
/// Convolution flips the kernel by 180° before sliding it; correlation slides it as it is. Deep-learning
/// "convolution" layers (Keras' Conv2D, torch's conv2d) compute the correlation: since their kernels are
/// learned, the flip would change nothing but the name.
/// <code>
/// int[,] image  = { {10,10,10,10,10}, {10,5,5,5,10}, {10,5,5,5,10}, {10,5,5,5,10}, {10,10,10,10,10} };
/// int[,] kernel = { {-1,-1,0}, {-1,0,1}, {0,1,1} };
/// Signal.Convolve2D(image, kernel, ConvolutionMode.Valid);  // {{15,10,0},{10,0,-10},{0,-10,-15}}
/// </code>
/// </remarks>
public static class Signal
{
    /// <summary>Convolves: the kernel is flipped 180°, then slid over the image. <paramref name="mode"/>'s default is scipy's.</summary>
    public static T[,] Convolve2D<T>(T[,] image, T[,] kernel, ConvolutionMode mode = ConvolutionMode.Full) where T : INumber<T> =>
        Slide(image, Flip180(kernel), mode, stride: 1, sameStart: k => (k - 1) / 2);

    /// <summary>Cross-correlates: the kernel slides as it is, no flip. This is what conv layers compute.</summary>
    /// <param name="stride">Distance between two window positions (1 in scipy): the output keeps every s-th position, starting at the first.</param>
    public static T[,] Correlate2D<T>(T[,] image, T[,] kernel, ConvolutionMode mode = ConvolutionMode.Full, int stride = 1) where T : INumber<T> =>
        Slide(image, kernel, mode, stride, sameStart: k => k / 2);

    /// <summary>
    /// Slides <paramref name="kernel"/> over <paramref name="image"/> as it is. <paramref name="sameStart"/> says where scipy's
    /// 'same' window starts inside the full output for a kernel side k: (k − 1) / 2 for convolve2d, k / 2 for correlate2d —
    /// the same for odd k, one apart for even k (scipy centres a correlation's window one place later).
    /// </summary>
    private static T[,] Slide<T>(T[,] image, T[,] kernel, ConvolutionMode mode, int stride, Func<int, int> sameStart) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, 1);
        int h = image.GetLength(0), w = image.GetLength(1), kh = kernel.GetLength(0), kw = kernel.GetLength(1);
        if (kh == 0 || kw == 0 || h == 0 || w == 0)
            throw new ArgumentException($"image ({h}×{w}) and kernel ({kh}×{kw}) must not be empty.");
        if (mode == ConvolutionMode.Valid && (kh > h || kw > w))
            throw new ArgumentException($"mode Valid needs the kernel ({kh}×{kw}) to fit inside the image ({h}×{w}).", nameof(kernel));

        // Offset of output position (0,0) in image coordinates: the kernel's top-left corner sits there.
        var (outH, outW, top, left) = mode switch
        {
            ConvolutionMode.Full => (h + kh - 1, w + kw - 1, -(kh - 1), -(kw - 1)),
            ConvolutionMode.Valid => (h - kh + 1, w - kw + 1, 0, 0),
            _ => (h, w, -(kh - 1) + sameStart(kh), -(kw - 1) + sameStart(kw)),
        };
        int rows = (outH + stride - 1) / stride, cols = (outW + stride - 1) / stride;
        var result = new T[rows, cols];
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
        {
            T sum = T.Zero;
            int y0 = top + r * stride, x0 = left + c * stride;
            for (int i = 0; i < kh; i++)
            {
                int y = y0 + i;
                if ((uint)y >= (uint)h) continue; // zero fill
                for (int j = 0; j < kw; j++)
                {
                    int x = x0 + j;
                    if ((uint)x < (uint)w) sum += image[y, x] * kernel[i, j];
                }
            }
            result[r, c] = sum;
        }
        return result;
    }

    /// <summary>The kernel turned by 180°: rows and columns reversed. <c>Convolve2D(x, k) == Correlate2D(x, Flip180(k))</c>.</summary>
    public static T[,] Flip180<T>(T[,] kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        int kh = kernel.GetLength(0), kw = kernel.GetLength(1);
        var flipped = new T[kh, kw];
        for (int i = 0; i < kh; i++)
        for (int j = 0; j < kw; j++)
            flipped[i, j] = kernel[kh - 1 - i, kw - 1 - j];
        return flipped;
    }

    /// <summary>The <paramref name="height"/>×<paramref name="width"/> window of <paramref name="image"/> whose top-left corner is (row, col): what one step of the slide sees.</summary>
    public static T[,] Window<T>(T[,] image, int row, int col, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (row < 0 || col < 0 || row + height > image.GetLength(0) || col + width > image.GetLength(1))
            throw new ArgumentOutOfRangeException(nameof(row), $"window {height}×{width} at ({row},{col}) leaves the {image.GetLength(0)}×{image.GetLength(1)} image.");
        var window = new T[height, width];
        for (int i = 0; i < height; i++)
        for (int j = 0; j < width; j++)
            window[i, j] = image[row + i, col + j];
        return window;
    }

    /// <summary>Element-wise product summed: one output value of a correlation.</summary>
    public static T MultiplySum<T>(T[,] a, T[,] b) where T : INumber<T>
    {
        if (a.GetLength(0) != b.GetLength(0) || a.GetLength(1) != b.GetLength(1))
            throw new ArgumentException($"shapes differ: {a.GetLength(0)}×{a.GetLength(1)} and {b.GetLength(0)}×{b.GetLength(1)}.");
        T sum = T.Zero;
        for (int i = 0; i < a.GetLength(0); i++)
        for (int j = 0; j < a.GetLength(1); j++)
            sum += a[i, j] * b[i, j];
        return sum;
    }
}
