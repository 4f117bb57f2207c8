using System.Text.RegularExpressions;
using MnistCourse.Convolution;
using MnistCourse.Exercises;
using MnistCourse.Native;

namespace MnistCourse.Tests.Exercises;

/// <summary>Lesson 1's coding exercise: the learner's convolve2d loop, judged against Signal.Convolve2D.</summary>
public class Convolve2DCheckTests
{
    public Convolve2DCheckTests() => TorchRuntime.EnsureReady();

    /// <summary>The worked solution: flip, then slide over the (h − kh + 1)×(w − kw + 1) windows, multiply and sum.</summary>
    private static double[,] Solution(double[,] image, double[,] kernel)
    {
        int h = image.GetLength(0), w = image.GetLength(1), kh = kernel.GetLength(0), kw = kernel.GetLength(1);
        var output = new double[h - kh + 1, w - kw + 1];
        for (int r = 0; r < output.GetLength(0); r++)
        {
            for (int c = 0; c < output.GetLength(1); c++)
            {
                for (int i = 0; i < kh; i++)
                {
                    for (int j = 0; j < kw; j++)
                        output[r, c] += image[r + i, c + j] * kernel[kh - 1 - i, kw - 1 - j];
                }
            }
        }
        return output;
    }

    /// <summary>The hint names sizes and positions, never a value of the expected output (they all have decimals).</summary>
    private static void HasNoValues(CheckResult result) =>
        Assert.False(Regex.IsMatch(result.Message, @"\d\.\d"), $"the hint shows a value: {result}");

    [Fact]
    public void The_untouched_starter_is_not_answered() =>
        CheckAssert.NotAnswered(Check.Convolve2D((image, kernel) => throw new NotImplementedException("your code here")));

    [Fact]
    public void The_worked_solution_passes() => CheckAssert.Passes(Check.Convolve2D(Solution));

    [Fact]
    public void The_library_passes_too() =>
        CheckAssert.Passes(Check.Convolve2D((image, kernel) => Signal.Convolve2D(image, kernel, ConvolutionMode.Valid)));

    [Fact]
    public void Sliding_the_kernel_unflipped_is_a_missing_flip()
    {
        var result = Check.Convolve2D((image, kernel) => Signal.Correlate2D(image, kernel, ConvolutionMode.Valid));
        CheckAssert.FailsAs(result, "missing-flip");
        HasNoValues(result);
    }

    [Fact]
    public void Turning_only_the_rows_is_a_half_flip()
    {
        var result = Check.Convolve2D((image, kernel) =>
        {
            int kh = kernel.GetLength(0), kw = kernel.GetLength(1);
            var upsideDown = new double[kh, kw];
            for (int i = 0; i < kh; i++)
            {
                for (int j = 0; j < kw; j++) upsideDown[i, j] = kernel[kh - 1 - i, j];
            }
            return Signal.Correlate2D(image, upsideDown, ConvolutionMode.Valid);
        });
        CheckAssert.FailsAs(result, "half-flip");
        HasNoValues(result);
    }

    [Fact]
    public void One_window_too_few_is_an_off_by_one_window()
    {
        var result = Check.Convolve2D((image, kernel) =>
        {
            var full = Solution(image, kernel);
            return Signal.Window(full, 0, 0, full.GetLength(0) - 1, full.GetLength(1) - 1);   // h − kh windows, not h − kh + 1
        });
        CheckAssert.FailsAs(result, "off-by-one-window");
        Assert.Contains("few", result.Message);
        HasNoValues(result);
    }

    [Fact]
    public void An_output_of_the_images_size_is_a_wrong_output_size()
    {
        var result = Check.Convolve2D((image, kernel) => Signal.Convolve2D(image, kernel, ConvolutionMode.Same));
        CheckAssert.FailsAs(result, "wrong-output-size");
        Assert.Contains("wholly inside", result.Message);
        HasNoValues(result);
    }

    [Fact]
    public void Rows_and_columns_swapped_in_the_output_size_are_named_with_both_shapes()
    {
        var result = Check.Convolve2D((image, kernel) => new double[image.GetLength(1) - kernel.GetLength(1) + 1,
                                                                     image.GetLength(0) - kernel.GetLength(0) + 1]);
        CheckAssert.FailsAs(result, "wrong-output-size");
        Assert.Matches(@"should be \d+×\d+, yours is \d+×\d+", result.Message);
    }

    [Fact]
    public void A_wrong_multiply_and_sum_names_the_first_position_that_differs()
    {
        var result = Check.Convolve2D((image, kernel) =>
        {
            var output = Solution(image, kernel);
            output[1, 0] += 1;   // a slip in one window
            return output;
        });
        CheckAssert.FailsAs(result, "wrong-values");
        Assert.Contains("(1, 0)", result.Message);
        HasNoValues(result);
    }

    [Fact]
    public void An_exception_becomes_a_hint_that_names_it() =>
        CheckAssert.ErrorNaming(Check.Convolve2D((image, kernel) => new double[1, 1] { { image[99, 99] } }), "IndexOutOfRangeException");

    [Fact]
    public void An_endless_loop_is_stopped_by_the_time_limit() =>
        CheckAssert.TimesOut(() => Check.Convolve2D((image, kernel) =>
        {
            CheckAssert.SpinLongerThanTheLimit();
            return Solution(image, kernel);
        }));

    [Fact]
    public void Code_that_only_fits_the_visible_inputs_fails_the_hidden_ones()
    {
        var visible = new List<double[,]>();
        Check.Convolve2D((image, kernel) => { visible.Add(image); return Solution(image, kernel); });
        // A lookup of the visible cases: right on them, wrong on any other input.
        double[,] Memorised(double[,] image, double[,] kernel) =>
            visible.Any(v => v.Cast<double>().SequenceEqual(image.Cast<double>())) ? Solution(image, kernel) : new double[1, 1];
        string? record = null;
        CellDisplay.Publish(bundle => { record = bundle[CheckRecord.MimeType]; return true; });
        Environment.SetEnvironmentVariable(Check.HiddenSeedVariable, "12");
        try
        {
            CheckAssert.Passes(Check.Convolve2D(Memorised));   // the line shown is the visible result ...
            Assert.Equal(HiddenCases.Failed, CheckRecord.FromJson(record!)!.Hidden);   // ... the grader's record is not
        }
        finally
        {
            Environment.SetEnvironmentVariable(Check.HiddenSeedVariable, null);
            CellDisplay.Publish(null);
        }
    }
}
