using System.Text;

namespace MnistCourse.Training;

/// <summary>
/// Two training runs side by side, epoch by epoch, as text: what a lesson prints to compare, say, a network with and
/// without dropout. Only formatting: every figure is read from the two <see cref="History"/> objects.
/// </summary>
/// <example><code>Console.WriteLine(HistoryComparison.Table(("with dropout", history), ("without dropout", noDropoutHistory)));</code></example>
public static class HistoryComparison
{
    private const int GroupWidth = 34;   // "train loss  val loss  val accuracy"

    /// <summary>
    /// Per epoch, each run's training loss, validation loss and validation accuracy; then one line per run: its last
    /// epoch's figures and its lowest validation loss with the epoch it came after. Both runs need validation figures.
    /// </summary>
    public static string Table((string Name, History History) first, (string Name, History History) second)
    {
        var text = new StringBuilder();
        text.AppendLine($"        {Group(first.Name)}   {Group(second.Name)}");
        text.AppendLine("epoch   train loss  val loss  val accuracy   train loss  val loss  val accuracy");
        int epochs = Math.Min(first.History.Epochs, second.History.Epochs);
        for (int e = 0; e < epochs; e++)
            text.AppendLine($"{e + 1,5}   {Cells(first.History, e)}   {Cells(second.History, e)}");
        text.AppendLine();
        int width = Math.Max(first.Name.Length, second.Name.Length);
        text.AppendLine(Summary(first.Name.PadRight(width), first.History));
        text.Append(Summary(second.Name.PadRight(width), second.History));
        return text.ToString();
    }

    private static string Group(string name)
    {
        int dashes = Math.Max(2, GroupWidth - name.Length - 2);
        return $"{new string('-', (dashes + 1) / 2)} {name} {new string('-', dashes / 2)}";
    }

    private static string Cells(History h, int e) =>
        $"{h["loss"][e],10:0.0000}  {h["val_loss"][e],8:0.0000}  {h["val_accuracy"][e],12:0.0000}";

    private static string Summary(string name, History h)
    {
        var valLoss = h["val_loss"];
        int best = Enumerable.Range(0, valLoss.Count).MinBy(e => valLoss[e]);
        return $"{name}: last epoch train loss {h["loss"][^1]:0.0000}, val loss {valLoss[^1]:0.0000} " +
               $"(lowest {valLoss[best]:0.0000} after epoch {best + 1}), val accuracy {h["val_accuracy"][^1]:0.0000}";
    }
}
