using MnistCourse.Convolution;
using MnistCourse.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Convolution;

public class SignalTests
{
    private static readonly int[,] Seed004Image =
    {
        { 10, 10, 10, 10, 10 }, { 10, 5, 5, 5, 10 }, { 10, 5, 5, 5, 10 }, { 10, 5, 5, 5, 10 }, { 10, 10, 10, 10, 10 },
    };
    private static readonly int[,] Seed004Kernel = { { -1, -1, 0 }, { -1, 0, 1 }, { 0, 1, 1 } };

    [Fact]
    public void Seed_004_example_gives_the_published_result()
    {
        var result = Signal.Convolve2D(Seed004Image, Seed004Kernel, ConvolutionMode.Valid);
        Assert.Equal(new[,] { { 15, 10, 0 }, { 10, 0, -10 }, { 0, -10, -15 } }, result);
    }

    [Fact]
    public void Correlation_of_the_same_example_differs_by_the_flip()
    {
        // Without the flip the kernel's sign pattern is mirrored: the result is negated here.
        var result = Signal.Correlate2D(Seed004Image, Seed004Kernel, ConvolutionMode.Valid);
        Assert.Equal(new[,] { { -15, -10, 0 }, { -10, 0, 10 }, { 0, 10, 15 } }, result);
        Assert.Equal(result, Signal.Convolve2D(Seed004Image, Signal.Flip180(Seed004Kernel), ConvolutionMode.Valid));
    }

    [Fact]
    public void Full_and_same_follow_scipy()
    {
        // Values from scipy.signal.convolve2d([[1,2],[3,4]], [[1,1],[1,1]]) and its 'same' mode.
        int[,] a = { { 1, 2 }, { 3, 4 } }, ones = { { 1, 1 }, { 1, 1 } };
        Assert.Equal(new[,] { { 1, 3, 2 }, { 4, 10, 6 }, { 3, 7, 4 } }, Signal.Convolve2D(a, ones));
        Assert.Equal(new[,] { { 1, 3 }, { 4, 10 } }, Signal.Convolve2D(a, ones, ConvolutionMode.Same));
        // An odd kernel centres 'same': the delta kernel returns the image itself.
        int[,] delta = { { 0, 0, 0 }, { 0, 1, 0 }, { 0, 0, 0 } };
        Assert.Equal(Seed004Image, Signal.Convolve2D(Seed004Image, delta, ConvolutionMode.Same));
        // A shifted delta shifts the image: convolution moves it the kernel's way.
        int[,] right = { { 0, 0, 0 }, { 1, 0, 0 }, { 0, 0, 0 } };
        var shifted = Signal.Convolve2D(new[,] { { 1, 2, 3 } }, right, ConvolutionMode.Same);
        Assert.Equal(new[,] { { 2, 3, 0 } }, shifted);
    }

    [Fact]
    public void Works_on_floating_point_and_checks_arguments()
    {
        var r = Signal.Convolve2D(new[,] { { 0.5, 1.5 } }, new[,] { { 2.0 } }, ConvolutionMode.Valid);
        Assert.Equal(new[,] { { 1.0, 3.0 } }, r);
        var e = Assert.Throws<ArgumentException>(() => Signal.Convolve2D(new int[2, 2], new int[3, 3], ConvolutionMode.Valid));
        Assert.Contains("3×3", e.Message);
    }

    [Fact]
    public void Stride_keeps_every_other_window()
    {
        var image = new int[5, 5];
        for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) image[i, j] = i * 5 + j;
        var full = Signal.Correlate2D(image, new[,] { { 1 } }, ConvolutionMode.Valid, stride: 2);
        Assert.Equal(new[,] { { 0, 2, 4 }, { 10, 12, 14 }, { 20, 22, 24 } }, full);
    }

    [Fact]
    public void Window_and_multiply_sum_reproduce_one_output_value()
    {
        var flipped = Signal.Flip180(Seed004Kernel);
        Assert.Equal(15, Signal.MultiplySum(Signal.Window(Seed004Image, 0, 0, 3, 3), flipped));
        Assert.Equal(-15, Signal.MultiplySum(Signal.Window(Seed004Image, 2, 2, 3, 3), flipped));
    }

    [Fact]
    public void Max_pooling_takes_the_largest_of_each_window()
    {
        int[,] x = { { 1, 3, 2, 0 }, { 4, 2, 1, 1 }, { 0, 1, 5, 6 }, { 2, 2, 7, 8 } };
        Assert.Equal(new[,] { { 4, 2 }, { 2, 8 } }, Pooling.MaxPool2D(x));
        Assert.Equal(new[,] { { 4, 3, 2 }, { 4, 5, 6 }, { 2, 7, 8 } }, Pooling.MaxPool2D(x, 2, stride: 1));
        // an odd side drops the partial window, as Keras' padding "valid"
        Assert.Equal(new[,] { { 5 } }, Pooling.MaxPool2D(new[,] { { 1, 2, 9 }, { 3, 5, 9 }, { 9, 9, 9 } }));
    }

    [Theory]
    [InlineData(ConvolutionMode.Valid)]
    [InlineData(ConvolutionMode.Same)]
    public void Torch_conv2d_computes_the_correlation_and_the_convolution_of_the_flipped_kernel(ConvolutionMode mode)
    {
        TorchRuntime.EnsureReady();
        var random = new Random(4);
        var image = new double[9, 11];
        var kernel = new double[3, 3];
        for (int i = 0; i < 9; i++) for (int j = 0; j < 11; j++) image[i, j] = random.Next(-5, 6);
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) kernel[i, j] = random.Next(-3, 4);

        using var x = tensor(image).reshape(1, 1, 9, 11);
        using var w = tensor(kernel).reshape(1, 1, 3, 3);
        using var y = nn.functional.conv2d(x, w, padding: mode == ConvolutionMode.Same ? [1, 1] : [0, 0]);
        var expected = Signal.Correlate2D(image, kernel, mode);
        Assert.Equal(new long[] { expected.GetLength(0), expected.GetLength(1) }, y.shape[2..]);
        Assert.Equal(expected.Cast<double>(), y.contiguous().data<double>().ToArray());
        Assert.Equal(expected, Signal.Convolve2D(image, Signal.Flip180(kernel), mode));
    }
}
