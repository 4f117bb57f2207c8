using MnistCourse.Training;

namespace MnistCourse.Tests.Training;

public class HistoryComparisonTests
{
    private static History Run(params (double Loss, double ValLoss, double ValAccuracy)[] epochs)
    {
        var history = new History();
        for (int e = 0; e < epochs.Length; e++)
            history.OnEpochEnd(e, new Dictionary<string, double>
            {
                ["loss"] = epochs[e].Loss, ["val_loss"] = epochs[e].ValLoss, ["val_accuracy"] = epochs[e].ValAccuracy,
            });
        return history;
    }

    [Fact]
    public void Two_runs_are_printed_epoch_by_epoch_with_their_lowest_validation_loss()
    {
        var with = Run((0.30, 0.10, 0.97), (0.20, 0.05, 0.98), (0.15, 0.06, 0.985));
        var without = Run((0.25, 0.09, 0.975), (0.10, 0.07, 0.98), (0.05, 0.08, 0.979));
        var lines = HistoryComparison.Table(("with dropout", with), ("without dropout", without)).Split(Environment.NewLine);
        Assert.Equal("        ---------- with dropout ----------   --------- without dropout --------", lines[0]);
        Assert.Equal("epoch   train loss  val loss  val accuracy   train loss  val loss  val accuracy", lines[1]);
        Assert.Equal("    2       0.2000    0.0500        0.9800       0.1000    0.0700        0.9800", lines[3]);
        Assert.Equal("", lines[5]);
        Assert.Equal("with dropout   : last epoch train loss 0.1500, val loss 0.0600 (lowest 0.0500 after epoch 2), val accuracy 0.9850",
                     lines[6]);
        Assert.Equal("without dropout: last epoch train loss 0.0500, val loss 0.0800 (lowest 0.0700 after epoch 2), val accuracy 0.9790",
                     lines[7]);
        Assert.Equal(8, lines.Length);
    }
}
