using System.Globalization;
using System.Text.RegularExpressions;

namespace MnistCourse.Training.Callbacks;

/// <summary>
/// Keras' <c>ModelCheckpoint</c>: saves the model's weights (<c>SaveWeights</c>) after every epoch, or with
/// <c>saveBestOnly</c> only when <c>monitor</c> improved. <c>filepath</c> may name the epoch (from 1) and any
/// figure of the logs, in Keras' format: <c>"lenet-{epoch:02d}-{val_loss:.4f}.weights"</c>.
/// With <c>saveBestOnly</c>, <c>initialValueThreshold</c> is a value the first save must beat.
/// </summary>
public sealed partial class ModelCheckpoint(string filepath, string monitor = "val_loss", int verbose = 0, bool saveBestOnly = false,
                                            string mode = "auto", double? initialValueThreshold = null)
    : MonitorCallback(monitor, mode, minDelta: 0, initialBest: initialValueThreshold)
{
    public override void OnEpochEnd(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        var path = FilePath(epoch, logs);
        if (saveBestOnly && Current(logs) is { } current) // Keras saves anyway when the figure is missing
        {
            var best = Best is { } b ? b.ToString("0.00000", CultureInfo.InvariantCulture) : "None";
            if (!IsImprovement(current, Best))
            {
                if (verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: {Monitor} did not improve from {best}");
                return;
            }
            if (verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: {Monitor} improved from {best} to {current:0.00000}, saving model to {path}");
            Best = current;
        }
        else if (verbose > 0) Console.WriteLine($"\nEpoch {epoch + 1}: saving model to {path}");
        Model.SaveWeights(path);
    }

    /// <summary>The file path with <c>{epoch}</c> and <c>{name}</c> filled in; Python's <c>02d</c> and <c>.4f</c> formats, else .NET's.</summary>
    internal string FilePath(int epoch, IReadOnlyDictionary<string, double> logs) => Placeholder().Replace(filepath, m =>
    {
        var name = m.Groups["name"].Value;
        double value = name == "epoch" ? epoch + 1 : logs.TryGetValue(name, out var v) ? v : throw new ArgumentException(
            $"ModelCheckpoint's filepath \"{filepath}\" names {{{name}}}, which is not among: epoch, {string.Join(", ", logs.Keys)}.");
        var format = m.Groups["format"].Value;
        if (Regex.Match(format, @"^0?(\d*)d$") is { Success: true } d) format = "D" + d.Groups[1].Value;
        else if (Regex.Match(format, @"^\.(\d+)f$") is { Success: true } f) format = "F" + f.Groups[1].Value;
        return format.StartsWith('D') ? ((long)value).ToString(format, CultureInfo.InvariantCulture) : value.ToString(format, CultureInfo.InvariantCulture);
    });

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<format>[^}]*))?\}")]
    private static partial Regex Placeholder();
}
