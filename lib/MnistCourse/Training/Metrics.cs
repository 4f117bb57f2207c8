namespace MnistCourse.Training;

/// <summary>Figures computed from true and predicted labels.</summary>
public static class Metrics
{
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
