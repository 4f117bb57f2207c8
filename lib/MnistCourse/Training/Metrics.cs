using static TorchSharp.torch;

namespace MnistCourse.Training;

/// <summary>Figures computed from true and predicted labels, and the metrics <c>Compile</c> accepts.</summary>
public static class Metrics
{
    /// <summary>
    /// The metric names <c>Compile</c> accepts, as Keras: "accuracy" (or "acc"), the fraction of samples whose largest
    /// output is the labelled class. History and the progress bar show it under the name given.
    /// </summary>
    public static readonly IReadOnlyList<string> Names = ["accuracy", "acc"];

    internal static IReadOnlyList<string> Validate(IReadOnlyList<string>? names)
    {
        foreach (var name in names ?? [])
            if (!Names.Contains(name))
                throw new ArgumentException($"unknown metric '{name}'; the course implements \"accuracy\" (or \"acc\").", nameof(names));
        return names?.Distinct().ToList() ?? [];
    }

    /// <summary>How many rows of <paramref name="outputs"/> have their largest value in the class <paramref name="oneHot"/> marks.</summary>
    internal static long CountCorrect(Tensor outputs, Tensor oneHot) => outputs.argmax(1).eq(oneHot.argmax(1)).sum().item<long>();

    /// <summary>counts[t, p] = how many samples of true class t were predicted as p.</summary>
    /// <example><code>Metrics.ConfusionMatrix(yTest.ToLabels(), model.Predict(xTest).ToLabels())</code></example>
    public static int[,] ConfusionMatrix(IReadOnlyList<int> trueLabels, IReadOnlyList<int> predicted, int numClasses = 10)
    {
        if (trueLabels.Count != predicted.Count)
            throw new ArgumentException($"{trueLabels.Count} true labels but {predicted.Count} predictions.");
        var counts = new int[numClasses, numClasses];
        for (int i = 0; i < trueLabels.Count; i++)
        {
            int t = trueLabels[i], p = predicted[i];
            if ((uint)t >= numClasses || (uint)p >= numClasses)
                throw new ArgumentOutOfRangeException(nameof(trueLabels), $"label out of range 0..{numClasses - 1} at sample {i}: true {t}, predicted {p}.");
            counts[t, p]++;
        }
        return counts;
    }

    /// <summary>Indices of the samples predicted wrong, in order.</summary>
    public static int[] Misclassified(IReadOnlyList<int> trueLabels, IReadOnlyList<int> predicted) =>
        Enumerable.Range(0, trueLabels.Count).Where(i => trueLabels[i] != predicted[i]).ToArray();
}
