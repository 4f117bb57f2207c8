using MnistCourse.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>Exercise on reading a trained conv layer (lesson 3): one feature map, computed by hand from its weights.</summary>
public static partial class Check
{
    /// <summary>
    /// The learner's feature map: what <paramref name="layer"/> (one input channel, relu) outputs in channel
    /// <paramref name="filter"/> for <paramref name="image"/> (height × width), computed from the layer's weight and bias.
    /// </summary>
    public delegate Tensor FeatureMapCode(Conv2D layer, int filter, Tensor image);

    /// <summary>
    /// Runs <paramref name="featureMap"/> on a relu <see cref="Conv2D"/> with weights, kernel size, image and filter all
    /// drawn from the seed (non-square kernels and images, so that swapped axes show), and compares with the layer's
    /// own output. A map that matches a known mistake (kernel flipped, no bias, no relu, bias after relu, another
    /// filter) gets that mistake's hint.
    /// </summary>
    public static CheckResult FeatureMap(FeatureMapCode featureMap) => RunCode(seed =>
    {
        ArgumentNullException.ThrowIfNull(featureMap);
        using var scope = NewDisposeScope();
        var random = new Random(seed);
        var generator = new Generator((ulong)seed);
        int height = random.Next(9, 15), width = random.Next(9, 15), kh = random.Next(2, 6), kw = random.Next(2, 6);
        if (kh == kw) kw = kh == 5 ? 3 : kh + 1;   // a square kernel would hide swapped axes
        int filters = random.Next(3, 9), filter = random.Next(filters);
        var layer = new Conv2D(filters, (kh, kw), activation: "relu");
        layer.Build(new Shape(height, width, 1));
        using (no_grad())
        {
            layer.Conv.weight!.copy_(randn(layer.Conv.weight.shape, generator: generator));
            // Biases at least 0.3 away from 0, so that leaving the bias out always shows.
            var magnitude = rand([filters], generator: generator) * 0.7 + 0.3;
            layer.Conv.bias!.copy_(magnitude * (randint(0, 2, [filters], generator: generator) * 2 - 1));
        }
        // An image like a digit's patch: mostly 0, with strokes of ink in (0, 1].
        var image = rand([height, width], generator: generator) * rand([height, width], generator: generator).gt(0.5);
        var given = image.clone();
        Tensor Layer(Conv2D l) { using var _ = no_grad(); return l.forward(image.reshape(1, 1, height, width))[0]; }
        var expected = Layer(layer)[filter];

        var answer = featureMap(layer, filter, given);
        if (answer is null) return CheckResult.Wrong("your function returned null: return the map as a tensor.", "no-result");
        if (!answer.shape.SequenceEqual(expected.shape))
            return CheckResult.Wrong($"your map has shape ({string.Join(", ", answer.shape)}) but the layer's output for this " +
                                     $"{height}×{width} image and {kh}×{kw} kernel has shape ({string.Join(", ", expected.shape)}): " +
                                     "how many positions does the kernel fit in, down and across?", "wrong-shape");
        answer = answer.detach().to(float32);
        bool Matches(Tensor map) => answer.allclose(map, rtol: 1e-4, atol: 1e-4);
        if (Matches(expected))
            return CheckResult.Right($"your {expected.shape[0]}×{expected.shape[1]} map equals channel {filter} of the layer's " +
                                     $"output on a {height}×{width} image with a {kh}×{kw} kernel.");

        var weight = layer.Conv.weight!.detach()[filter, 0];
        var bias = layer.Conv.bias!.detach()[filter];
        var correlation = nn.functional.conv2d(image.reshape(1, 1, height, width), weight.reshape(1, 1, kh, kw))[0, 0];
        var flipped = nn.functional.conv2d(image.reshape(1, 1, height, width), weight.flip(0, 1).reshape(1, 1, kh, kw))[0, 0];
        if (Matches(nn.functional.relu(flipped + bias)))
            return CheckResult.Wrong("your map is a convolution: the kernel turned by 180°, as lesson 1's Convolve2D does. " +
                                     "A conv layer correlates: the kernel is laid on the image as it is.", "flipped-kernel");
        if (Matches(nn.functional.relu(correlation)))
            return CheckResult.Wrong("close: the layer adds its filter's bias to every sum before the activation.", "no-bias");
        if (Matches(correlation + bias))
            return CheckResult.Wrong("your map has negative values: the layer's activation comes last.", "no-relu");
        if (Matches(nn.functional.relu(correlation) + bias))
            return CheckResult.Wrong("the bias is added after the activation: the layer adds it first, then applies relu.",
                                     "bias-after-relu");
        var layerOutput = Layer(layer);
        if (Enumerable.Range(0, filters).Any(f => f != filter && Matches(layerOutput[f])))
            return CheckResult.Wrong($"that is the map of another filter: take filter {filter}'s kernel and bias.", "wrong-filter");
        if (!given.eq(image).all().item<bool>())
            return CheckResult.Wrong("your function changed the image it was given: compute into a new tensor.", "changes-input");
        return CheckResult.Wrong("your map has the right shape but other values: at each position, multiply the kernel with " +
                                 "the patch under it, sum, add the bias, then apply relu.", "wrong-values");
    }, visibleSeed: 3);
}
