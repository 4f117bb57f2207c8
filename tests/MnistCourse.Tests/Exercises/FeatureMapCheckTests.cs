using MnistCourse.Exercises;
using MnistCourse.Layers;
using MnistCourse.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Exercises;

public class FeatureMapCheckTests
{
    public FeatureMapCheckTests() => TorchRuntime.EnsureReady();

    /// <summary>
    /// The worked solution's correlation, with the choices a mistake changes: the kernel used, and whether the bias and
    /// the relu are applied and in which order.
    /// </summary>
    private static Tensor Map(Tensor image, Tensor kernel, Tensor bias, bool addBias = true, bool relu = true,
                              bool biasAfterRelu = false, int shrink = 0)
    {
        int kh = (int)kernel.shape[0], kw = (int)kernel.shape[1];
        int outH = (int)image.shape[0] - kh + 1 - shrink, outW = (int)image.shape[1] - kw + 1 - shrink;
        var sum = torch.zeros(outH, outW);
        for (int i = 0; i < kh; i++)
            for (int j = 0; j < kw; j++)
                sum += kernel[i, j] * image[i..(i + outH), j..(j + outW)];
        if (addBias && !biasAfterRelu) sum += bias;
        if (relu) sum = nn.functional.relu(sum);
        return biasAfterRelu ? sum + bias : sum;
    }

    private static Tensor Kernel(Conv2D layer, int filter) => layer.Conv.weight!.detach()[filter, 0];
    private static Tensor Bias(Conv2D layer, int filter) => layer.Conv.bias!.detach()[filter];

    private static Tensor Solution(Conv2D layer, int filter, Tensor image) => Map(image, Kernel(layer, filter), Bias(layer, filter));

    [Fact]
    public void The_untouched_starter_is_not_answered() =>
        CodeCheckAssert.NotAnswered(Check.FeatureMap((layer, filter, image) => CodeCheckAssert.Starter<Tensor>()));

    [Fact]
    public void The_worked_solution_passes() => CheckAssert.Passes(Check.FeatureMap(Solution));

    [Fact]
    public void A_loop_over_every_output_position_passes_too() =>
        CheckAssert.Passes(Check.FeatureMap((layer, filter, image) =>
        {
            var (kernel, bias) = (Kernel(layer, filter), Bias(layer, filter));
            int kh = (int)kernel.shape[0], kw = (int)kernel.shape[1];
            var map = torch.zeros(image.shape[0] - kh + 1, image.shape[1] - kw + 1);
            for (int r = 0; r < map.shape[0]; r++)
                for (int c = 0; c < map.shape[1]; c++)
                    map[r, c] = ((image[r..(r + kh), c..(c + kw)] * kernel).sum() + bias).relu();
            return map;
        }));

    public static TheoryData<string, Check.FeatureMapCode> Mistakes() => new()
    {
        { "flipped-kernel", (layer, f, image) => Map(image, Kernel(layer, f).flip(0, 1), Bias(layer, f)) },
        { "no-bias", (layer, f, image) => Map(image, Kernel(layer, f), Bias(layer, f), addBias: false) },
        { "no-relu", (layer, f, image) => Map(image, Kernel(layer, f), Bias(layer, f), relu: false) },
        { "bias-after-relu", (layer, f, image) => Map(image, Kernel(layer, f), Bias(layer, f), biasAfterRelu: true) },
        { "wrong-filter", (layer, f, image) => Solution(layer, (f + 1) % (int)layer.Conv.weight!.shape[0], image) },
        { "wrong-shape", (layer, f, image) => Map(image, Kernel(layer, f), Bias(layer, f), shrink: 1) },   // one position short
        { "wrong-shape", (layer, f, image) => Map(image, Kernel(layer, f).t(), Bias(layer, f)) },          // height and width swapped
        { "wrong-values", (layer, f, image) => Solution(layer, f, image) * 2 },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_gets_its_own_hint_without_the_code(string kind, Check.FeatureMapCode mistake)
    {
        var result = Check.FeatureMap(mistake);
        CodeCheckAssert.Wrong(result, kind);
        CodeCheckAssert.HidesCode(result, "Conv.weight", "Conv.bias", "[filter, 0]");
    }

    [Fact]
    public void A_shape_mismatch_names_both_shapes()
    {
        var result = Check.FeatureMap((layer, f, image) => Map(image, Kernel(layer, f), Bias(layer, f), shrink: 1));
        Assert.Matches(@"your map has shape \(\d+, \d+\) but the layer's output .* has shape \(\d+, \d+\)", result.Message);
    }

    [Fact]
    public void An_exception_becomes_a_hint() =>
        CodeCheckAssert.ErrorOfKind(Check.FeatureMap((layer, f, image) => image[0, 0, 0]), "exception", "your code threw");

    [Fact]
    public void An_endless_loop_is_stopped_by_the_time_limit() =>
        CodeCheckAssert.ErrorOfKind(CodeCheckAssert.WithEndlessLoop(loop => Check.FeatureMap((layer, f, image) =>
        {
            loop();
            return image;
        })), "timeout", "did not finish");

    [Fact]
    public void Hidden_seeds_draw_other_images_and_kernels_never_square()
    {
        var seen = new HashSet<string>();
        Environment.SetEnvironmentVariable(Check.HiddenSeedVariable, "1");
        try
        {
            CheckAssert.Passes(Check.FeatureMap((layer, f, image) =>
            {
                var kernel = Kernel(layer, f);
                Assert.NotEqual(kernel.shape[0], kernel.shape[1]);
                seen.Add($"{string.Join("x", image.shape)} {string.Join("x", kernel.shape)} {f} {image.sum().item<float>()}");
                return Solution(layer, f, image);
            }));
        }
        finally { Environment.SetEnvironmentVariable(Check.HiddenSeedVariable, null); }
        Assert.Equal(4, seen.Count);   // the visible input and three hidden ones, all different
    }
}
