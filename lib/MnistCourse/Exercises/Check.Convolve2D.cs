using MnistCourse.Convolution;

namespace MnistCourse.Exercises;

/// <summary>Coding exercise of lesson 1: the learner's own convolve2d loop, in scipy's 'valid' mode.</summary>
public static partial class Check
{
    /// <summary>The learner's convolution: the kernel flipped by 180°, slid over every window that fits, multiply-and-sum.</summary>
    public delegate double[,] Convolve2DCode(double[,] image, double[,] kernel);

    /// <summary>
    /// Runs <paramref name="convolve"/> on four random images and kernels drawn from the seed — non-square, with odd
    /// and even sides — and compares each result with <see cref="Signal.Convolve2D{T}"/> in 'valid' mode. A correlation
    /// (no flip), one window too few or too many, and a 'same'-sized output each get their own hint.
    /// </summary>
    public static CheckResult Convolve2D(Convolve2DCode convolve) => RunCode(seed =>
    {
        ArgumentNullException.ThrowIfNull(convolve);
        var random = new Random(seed);
        // Kernel sides: odd and square, even, and two non-square ones; images always taller or wider than square.
        (int Height, int Width)[] kernels = [(3, 3), (2, 4), (3, 2), (random.Next(2, 5), random.Next(2, 5))];
        foreach (var (kh, kw) in kernels)
        {
            int h = kh + random.Next(2, 6), w = kw + random.Next(2, 6);
            if (h == w) w++;
            var image = RandomArray(random, h, w);
            var kernel = RandomKernel(random, kh, kw);
            var verdict = JudgeConvolution(convolve((double[,])image.Clone(), (double[,])kernel.Clone()), image, kernel);
            if (verdict is not null) return verdict;
        }
        return CheckResult.Right($"your loop gives the library's Convolve2D(image, kernel, Valid) on {kernels.Length} random " +
                                 "images and kernels, square and not, odd and even sides.");
    }, visibleSeed: 4);

    /// <summary>Null when <paramref name="got"/> is the 'valid' convolution, else the hint for what went wrong.</summary>
    private static CheckResult? JudgeConvolution(double[,]? got, double[,] image, double[,] kernel)
    {
        int h = image.GetLength(0), w = image.GetLength(1), kh = kernel.GetLength(0), kw = kernel.GetLength(1);
        var expected = Signal.Convolve2D(image, kernel, ConvolutionMode.Valid);
        var setting = $"a {h}×{w} image and a {kh}×{kw} kernel";
        if (got is null) return CheckResult.Wrong($"your function returned null for {setting}: return the output array.", "no-output");
        var (gh, gw) = (got.GetLength(0), got.GetLength(1));
        var (eh, ew) = (expected.GetLength(0), expected.GetLength(1));
        if ((gh, gw) != (eh, ew))
        {
            var shapes = $"for {setting} the output should be {eh}×{ew}, yours is {gh}×{gw}";
            if (Math.Abs(gh - eh) <= 1 && Math.Abs(gw - ew) <= 1 && (gh - eh) * (gw - ew) >= 0)   // one too few or many, not swapped
                return CheckResult.Wrong($"{shapes}: one window too {(gh < eh || gw < ew ? "few" : "many")} along a side. " +
                                         "The last window is the one whose far edge touches the image's edge.", "off-by-one-window");
            if ((gh, gw) == (h, w))
                return CheckResult.Wrong($"{shapes}, the image's own size: 'valid' keeps only the windows that lie " +
                                         "wholly inside the image, with no zeros around it.", "wrong-output-size");
            return CheckResult.Wrong($"{shapes}: along each side, count the positions where the kernel fits inside the image.",
                                     "wrong-output-size");
        }
        if (SameValues(got, expected)) return null;
        if (SameValues(got, Signal.Correlate2D(image, kernel, ConvolutionMode.Valid)))
            return CheckResult.Wrong($"for {setting} your output is the correlation: the kernel slid as it is. Convolution " +
                                     "turns it by 180° first (step 1 of section 1).", "missing-flip");
        var upsideDown = FlipAxis(kernel, rows: true);
        if (SameValues(got, Signal.Correlate2D(image, upsideDown, ConvolutionMode.Valid)) ||
            SameValues(got, Signal.Correlate2D(image, FlipAxis(kernel, rows: false), ConvolutionMode.Valid)))
            return CheckResult.Wrong($"for {setting} the kernel was turned only one way: a 180° turn reverses both its rows " +
                                     "and its columns.", "half-flip");
        var (row, col) = FirstDifference(got, expected);
        return CheckResult.Wrong($"for {setting} the size is right but the values differ, first at output ({row}, {col}): that " +
                                 "value is the multiply-and-sum of the flipped kernel with the window whose top-left corner is " +
                                 $"({row}, {col}).", "wrong-values");
    }

    private static double[,] RandomArray(Random random, int rows, int cols)
    {
        var a = new double[rows, cols];
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            a[r, c] = random.Next(-20, 21) / 10.0;   // one decimal: sums stay exact enough to compare
        return a;
    }

    /// <summary>A kernel whose 180° turn is neither itself nor its negative, so that a missing flip always shows.</summary>
    private static double[,] RandomKernel(Random random, int rows, int cols)
    {
        while (true)
        {
            var k = RandomArray(random, rows, cols);
            var turned = Signal.Flip180(k);
            if (!SameValues(turned, k) && !SameValues(turned, Negate(k))) return k;
        }
    }

    private static double[,] Negate(double[,] a)
    {
        var n = new double[a.GetLength(0), a.GetLength(1)];
        for (int r = 0; r < n.GetLength(0); r++)
        for (int c = 0; c < n.GetLength(1); c++)
            n[r, c] = -a[r, c];
        return n;
    }

    private static double[,] FlipAxis(double[,] a, bool rows)
    {
        int h = a.GetLength(0), w = a.GetLength(1);
        var f = new double[h, w];
        for (int r = 0; r < h; r++)
        for (int c = 0; c < w; c++)
            f[r, c] = rows ? a[h - 1 - r, c] : a[r, w - 1 - c];
        return f;
    }

    private static bool SameValues(double[,] a, double[,] b) => FirstDifference(a, b) == (-1, -1);

    /// <summary>The first (row, column) where the two equally shaped arrays differ by more than rounding, or (−1, −1).</summary>
    private static (int Row, int Col) FirstDifference(double[,] a, double[,] b)
    {
        for (int r = 0; r < a.GetLength(0); r++)
        for (int c = 0; c < a.GetLength(1); c++)
            if (!(Math.Abs(a[r, c] - b[r, c]) <= 1e-9 * Math.Max(1, Math.Abs(b[r, c])))) return (r, c);
        return (-1, -1);
    }
}
