namespace MnistCourse.Reporting;

/// <summary>
/// Whether a tutorial's published accuracy is reproduced by several seeds of the course: the mean is within 0.15 points
/// of the published figure, and the published figure lies within mean ± 2 SD of the seeds (a single run of the tutorial
/// is consistent with the course's distribution). Both are needed; the text says which failed and by how much.
/// </summary>
public sealed record ReproductionVerdict(bool Reproduced, bool MeanClose, bool PublishedWithinSpread, string Text)
{
    public const double MeanTolerance = 0.0015;

    public static ReproductionVerdict Judge(double published, SeedStatistics accuracy, bool quick = false)
    {
        if (quick)
            return new(false, false, false, "no verdict: quick runs (fewer epochs and images) are not comparable with the published figure");
        if (accuracy.Count < 2)
            return new(false, false, false, $"no verdict: {accuracy.Count} seed gives no spread; run at least two (./course reproduce --seeds 5)");

        double gap = accuracy.Mean - published;
        bool close = Math.Abs(gap) <= MeanTolerance + 1e-12;
        double low = accuracy.Mean - 2 * accuracy.StandardDeviation, high = accuracy.Mean + 2 * accuracy.StandardDeviation;
        bool within = published >= low - 1e-12 && published <= high + 1e-12;
        string meanText = $"the mean {accuracy.Mean:0.0000} is {Math.Abs(gap):0.0000} {(gap >= 0 ? "above" : "below")} the published {published:0.0000}";
        string spreadText = $"mean ± 2 SD, {low:0.0000}–{high:0.0000}";
        string text = (close, within) switch
        {
            (true, true) => $"reproduced: {meanText} (≤ {MeanTolerance:0.0000}) and the published figure lies within {spreadText}",
            (false, true) => $"not reproduced: {meanText}, {Math.Abs(gap) - MeanTolerance:0.0000} more than the {MeanTolerance:0.0000} allowed (the published figure does lie within {spreadText})",
            (true, false) => $"not reproduced: the published {published:0.0000} lies {Distance(published, low, high):0.0000} outside {spreadText} (the mean is close: {Math.Abs(gap):0.0000})",
            _ => $"not reproduced: {meanText}, {Math.Abs(gap) - MeanTolerance:0.0000} more than allowed, and the published figure lies {Distance(published, low, high):0.0000} outside {spreadText}",
        };
        return new(close && within, close, within, text);
    }

    private static double Distance(double value, double low, double high) => value < low ? low - value : value - high;
}
