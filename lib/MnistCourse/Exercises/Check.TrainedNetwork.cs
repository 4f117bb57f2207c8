using MnistCourse.Data;
using MnistCourse.Layers;
using MnistCourse.Models;
using MnistCourse.Tensors;
using static TorchSharp.torch;

namespace MnistCourse.Exercises;

/// <summary>The challenge of lesson 4: a network of the learner's, trained briefly, judged on images it never saw.</summary>
public static partial class Check
{
    /// <summary>The learner's training: build a network, train it on these images and one-hot labels, return it.</summary>
    public delegate Sequential TrainingCode(Tensor images, Tensor labels);

    /// <summary>The validation accuracy the challenge asks for, on images the learner's code never gets.</summary>
    public const double ChallengeTarget = 0.96;

    /// <summary>How many training images the learner's code gets, and how many other ones judge it.</summary>
    public const int ChallengeTrainingImages = 6_000, ChallengeValidationImages = 2_000;

    private static readonly Lazy<(Tensor Images, Tensor Labels)> MnistTraining = new(() => Mnist.LoadData().train);

    /// <summary>
    /// Hands <paramref name="train"/> <see cref="ChallengeTrainingImages"/> MNIST training images drawn by the seed
    /// (channels-last, in [0, 1]) with one-hot labels, then measures the returned network's accuracy on
    /// <see cref="ChallengeValidationImages"/> other training images. The check evaluates; nothing the learner's code
    /// reports is taken on trust.
    /// </summary>
    public static CheckResult TrainedNetwork(TrainingCode train) => RunCode(seed =>
    {
        ArgumentNullException.ThrowIfNull(train);
        var (allImages, allLabels) = MnistTraining.Value;
        using var scope = NewDisposeScope();
        var order = randperm(allLabels.shape[0], generator: new Generator((ulong)seed));
        var (given, judged) = (order[..ChallengeTrainingImages], order[ChallengeTrainingImages..(ChallengeTrainingImages + ChallengeValidationImages)]);
        Tensor Images(Tensor indices) => (allImages.index_select(0, indices).to(float32) / 255).reshape(-1, 28, 28, 1);

        // The learner's initial weights and shuffles are drawn from the check's seed too: the same code gets the same
        // verdict in any process, whatever ran before it (the check puts the generator back afterwards).
        manual_seed(seed);
        var model = train(Images(given), Utils.ToCategorical(allLabels.index_select(0, given), 10));
        if (model is null) return CheckResult.Wrong("your function returned null: return the network you trained.", "no-result");
        if (model.Layers.Count == 0) return CheckResult.Wrong("your network has no layers.", "no-layers");
        if (!model.InputShape!.Equals(new Shape(28, 28, 1)))
            return CheckResult.Wrong($"your network takes {model.InputShape} images; the check gives it 28×28×1 ones.", "wrong-input-shape");
        if (!model.OutputShape.Equals(new Shape(10)))
            return CheckResult.Wrong($"your network outputs {model.OutputShape}: it needs one output per digit.", "wrong-output-shape");

        var predicted = model.Predict(Images(judged), batchSize: 500).argmax(1);
        double accuracy = predicted.eq(allLabels.index_select(0, judged).to(int64)).to(float32).mean().item<float>();
        var measured = $"your network classifies {accuracy:0.0000} of {ChallengeValidationImages:N0} images it never saw";
        if (accuracy < 0.2)
            return CheckResult.Wrong($"{measured}: about what guessing gives. Was it trained, on the images and labels it " +
                                     "was given?", "untrained");
        if (accuracy < ChallengeTarget)
            return CheckResult.Wrong($"{measured}; the target is {ChallengeTarget:0.00}. Change the network (activation, " +
                                     "pooling, widths) or its training, and try again.", "below-target");
        return CheckResult.Right($"{measured}: the target was {ChallengeTarget:0.00}, with {model.CountParams():N0} weights.");
    }, visibleSeed: 11);
}
