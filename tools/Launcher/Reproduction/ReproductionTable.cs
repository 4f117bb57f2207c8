using MnistCourse.Reporting;

namespace MnistCourse.Launcher.Reproduction;

/// <summary>
/// The closing table of `./course reproduce`: per tutorial the seeds' mean, SD, the mean's 95% CI, the 95% prediction
/// interval of one run (what the verdict reads), the published figure, the mean's gap and whether it is close, the verdict,
/// and the earlier rule's verdict on the same seeds (so a change of rule is never hidden).
/// </summary>
internal static class ReproductionTable
{
    public static IEnumerable<string> Lines(ReproductionFile file, IReadOnlyCollection<Tutorial> tutorials)
    {
        yield return $"Reproduction over seeds{(file.Quick ? " — QUICK runs, no verdict" : "")} (artifacts/{ReproductionFile.FileName}).";
        yield return $"Rule: {ReproductionVerdict.Rule}. Earlier rule (#18): the mean within 0.15 points and the published figure within mean ± 2 SD.";
        yield return $"{"tutorial",-22} {"n",3} {"mean",7} {"SD",7} {"95% CI of the mean",15} {"95% PI of one run",15} {"published",9} " +
                     $"{"mean−pub",8} {"close",5} {"verdict",16} {"earlier rule",12} {"loss",6} {"train s",7}";
        foreach (var s in file.Summary.Where(s => tutorials.Any(t => t.Id == s.TutorialId)))
        {
            var v = s.Verdict;
            string verdict = !v.Judged ? "— no verdict" : v.Reproduced ? "✓ reproduced" : "✗ not reproduced";
            string earlier = !v.Judged ? "—" : v.EarlierRuleReproduced ? "✓ reproduced" : "✗ not";
            yield return $"{s.Title,-22} {s.Accuracy.Count,3} {s.Accuracy.Mean,7:0.0000} {F(s.Accuracy.StandardDeviation),7} " +
                         $"{Range(s.Accuracy.ConfidenceLow, s.Accuracy.ConfidenceHigh),15} {Range(v.PredictionLow, v.PredictionHigh),15} {s.Published,9:0.0000} " +
                         $"{Signed(s.Accuracy.Mean - s.Published),8} {(v.Judged ? v.MeanClose ? "yes" : "no" : "—"),5} {verdict,16} {earlier,12} " +
                         $"{s.Loss.Mean,6:0.000} {s.MeanTrainSeconds,7:0}";
            yield return $"{"",-22}     seeds {string.Join(", ", s.Seeds.Zip(s.Accuracies, (seed, a) => $"{seed}: {a:0.0000}"))}";
            yield return $"{"",-22}     {v.Text}";
            if (s.ReferenceAccuracies is { } reference)
                yield return $"{"",-22}     Keras-faithful reference, seeds {string.Join(", ", s.ReferenceSeeds!.Zip(reference, (seed, a) => $"{seed}: {a:0.0000}"))}; " +
                             (s.Equivalence?.Text ?? "one seed a side is too few for the equivalence test");
        }
    }

    private static string F(double v) => double.IsNaN(v) ? "—" : v.ToString("0.0000");
    private static string Range(double low, double high) => double.IsNaN(low) ? "—" : $"{low:0.0000}–{high:0.0000}";
    private static string Signed(double v) => (v >= 0 ? "+" : "−") + Math.Abs(v).ToString("0.0000");
}
