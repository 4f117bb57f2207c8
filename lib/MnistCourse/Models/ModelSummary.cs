using System.Globalization;
using System.Text;

namespace MnistCourse.Models;

/// <summary>One row of a model summary: the layer's name and class, its output shape, its weights.</summary>
public sealed record SummaryRow(string Name, string Type, string OutputShape, long Params);

/// <summary>Keras' <c>model.summary()</c> as data, and as Keras prints it.</summary>
public sealed record ModelSummary(string ModelName, IReadOnlyList<SummaryRow> Rows)
{
    public long TotalParams => Rows.Sum(r => r.Params);
    public long TrainableParams => TotalParams;

    public override string ToString()
    {
        var rule = new string('_', 65);
        var sb = new StringBuilder();
        sb.AppendLine($"Model: \"{ModelName}\"");
        sb.AppendLine(rule);
        sb.AppendLine(Row("Layer (type)", "Output Shape", "Param #"));
        sb.AppendLine(new string('=', 65));
        for (int i = 0; i < Rows.Count; i++)
        {
            var r = Rows[i];
            sb.AppendLine(Row($"{r.Name} ({r.Type})", r.OutputShape, Format(r.Params)));
            sb.AppendLine(i == Rows.Count - 1 ? new string('=', 65) : "");
        }
        sb.AppendLine($"Total params: {Format(TotalParams)}");
        sb.AppendLine($"Trainable params: {Format(TrainableParams)}");
        sb.AppendLine("Non-trainable params: 0");
        sb.Append(rule);
        return sb.ToString();
    }

    /// <summary>
    /// Keras' fixed columns (ends at 29 and 55 of 65): a field too long for its column is cut, and one space always
    /// separates it from the next, so "max_pooling2d_1 (MaxPooling2D)" shows as "max_pooling2d_1 (MaxPooling2".
    /// </summary>
    internal static string Row(string layer, string shape, string parameters) =>
        Column(layer, 29) + Column(shape, 26) + parameters;

    private static string Column(string text, int width) =>
        (text.Length > width - 1 ? text[..(width - 1)] : text).PadRight(width);

    private static string Format(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

public sealed partial class Sequential
{
    /// <summary>Prints the layer table, as Keras' <c>model.summary()</c>.</summary>
    public void Summary() => Console.WriteLine(GetSummary());

    /// <summary>The layer table as data: names, output shapes, parameter counts.</summary>
    public ModelSummary GetSummary() =>
        new(ModelName, _layers.Select(l => new SummaryRow(l.Name, l.TypeName, l.OutputShape.ToString(), l.CountParams())).ToList());
}
