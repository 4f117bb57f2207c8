using MnistCourse.Charts;
using MnistCourse.Models;
using MnistCourse.Native;
using static MnistCourse.Tests.Charts.ChartJson;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Charts;

/// <summary>The lessons' diagrams: shape flow, kernels on one signed scale, a window sliding step by step.</summary>
public class DiagramTests
{
    public DiagramTests() => TorchRuntime.EnsureReady();

    [Fact]
    public void Architecture_has_one_box_per_shape_with_its_output_shape_and_weights()
    {
        var chart = Plot.Architecture(TutorialModels.Chollet(), title: "flow");
        var texts = AnnotationTexts(chart);
        foreach (var shape in new[] { "28×28×1", "26×26×32", "13×13×32", "11×11×64", "5×5×64", "3×3×64", "576", "64", "10" })
            Assert.Contains(shape, texts);
        Assert.Contains("conv2d_1<br>18,496 weights", texts);
        Assert.Equal(9, Shapes(chart).Count);   // input + 8 layers
        var heights = Shapes(chart).Take(3).Select(s => s.GetProperty("y1").GetDouble()).ToArray();
        Assert.True(heights[0] > heights[1] && heights[1] > heights[2], "the boxes shrink with the maps: 28 → 26 → 13");
    }

    [Fact]
    public void Architecture_names_shape_keeping_layers_in_the_box_before()
    {
        var texts = AnnotationTexts(Plot.Architecture(TutorialModels.DropoutConvnet()));
        Assert.Contains("dense<br>+ activation_2<br>+ dropout<br>131,200 weights", texts);
        Assert.DoesNotContain(texts, t => t.StartsWith("dropout"));
    }

    [Fact]
    public void Kernels_share_one_signed_scale_centred_on_zero()
    {
        var weights = tensor(new float[] { 1, -2, 0, 0.5f, 3, 0, 0, -1 }, [2, 1, 2, 2]);
        var chart = Plot.Kernels(weights, title: "k");
        var trace = Trace(chart);
        Assert.Equal(-3, trace.GetProperty("zmin").GetDouble());
        Assert.Equal(3, trace.GetProperty("zmax").GetDouble());
        Assert.Equal(["0", "1"], AnnotationTexts(chart).Where(t => t != "k"));
        var values = Matrix(trace.GetProperty("z")).SelectMany(row => row).Where(v => v is not null).ToList();
        Assert.Contains(-2, values);   // the weights themselves, not rescaled per tile
        Assert.Contains(0.5, values);
        Assert.Throws<ArgumentException>(() => Plot.Kernels(zeros(3, 3)));
    }

    [Fact]
    public void Kernels_with_several_channels_get_a_row_per_filter()
    {
        var texts = AnnotationTexts(Plot.Kernels(zeros(2, 3, 2, 2)));
        Assert.Equal(["filter 0, ch 0", "filter 0, ch 1", "filter 0, ch 2", "filter 1, ch 0", "filter 1, ch 1", "filter 1, ch 2"], texts);
    }

    [Fact]
    public void Sliding_window_frames_every_position_in_order()
    {
        var image = new int[5, 5];
        var chart = Plot.SlidingWindow(image, window: 3, stride: 2, title: "slide");
        Assert.Equal(["(0, 0)", "(0, 2)", "(2, 0)", "(2, 2)"], AnnotationTexts(chart).Where(t => t != "slide"));
        var frames = Shapes(chart).Where(s => s.GetProperty("line").GetProperty("color").GetString() == "#e8291c").ToList();
        Assert.Equal(4, frames.Count);
        Assert.Throws<ArgumentException>(() => Plot.SlidingWindow(image, window: 3, captions: ["only one"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Plot.SlidingWindow(image, window: 6));
    }
}
