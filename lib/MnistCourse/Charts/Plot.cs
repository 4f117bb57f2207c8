namespace MnistCourse.Charts;

/// <summary>
/// Pictures for the lessons: digits, kernels, feature maps, training curves, confusion matrices and bars.
/// Every method returns a Plotly.NET <see cref="Plotly.NET.GenericChart"/>, so a notebook cell shows it
/// when it is the cell's last expression, and <see cref="SaveHtml"/> keeps a copy that opens offline.
/// </summary>
/// <example>
/// <code>
/// using MnistCourse.Charts;
/// Plot.Digits(xTrain[..20], yTrain[..20]);                         // a grid of digits captioned with their labels
/// Plot.Heatmap(kernel, title: "3×3 kernel");                       // numbers written in the cells
/// Plot.FeatureMaps(model.LayerOutputs(digit, "conv2d")["conv2d"]);  // one tile per channel
/// Plot.TrainingCurves(history);                                    // loss and accuracy, train vs validation
/// </code>
/// </example>
/// <remarks>
/// The methods take plain .NET arrays and check them up front, so a wrong shape fails with an
/// <see cref="ArgumentException"/> that names the argument, rather than with a blank or garbled chart.
/// </remarks>
public static partial class Plot
{
}
