using Plotly.NET;
using static MnistCourse.Charts.PlotlyObjects;

namespace MnistCourse.Charts;

public static partial class Plot
{
    /// <summary>
    /// The images a model got wrong, each captioned "true 4 → pred 9", titled "N misclassified images" by default;
    /// with no images at all, a small chart saying so (a perfect batch is not an error).
    /// </summary>
    public static GenericChart Misclassified(IReadOnlyList<float[,]> images, IReadOnlyList<int> trueLabels, IReadOnlyList<int> predicted, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(images);
        CheckOnePer(trueLabels, "true label per image", images.Count, nameof(trueLabels));
        CheckOnePer(predicted, "prediction per image", images.Count, nameof(predicted));
        if (images.Count == 0)
            return Message("No misclassified images.", title);
        var captions = images.Select((_, i) => $"true {trueLabels[i]} → pred {predicted[i]}").ToList();
        return Digits(images, captions, title ?? (images.Count == 1 ? "1 misclassified image" : $"{images.Count} misclassified images"));
    }

    private static GenericChart Message(string text, string? title)
    {
        var layout = Layout(
            ("title", Title(title)),
            ("width", 420), ("height", string.IsNullOrWhiteSpace(title) ? 120 : 160),
            ("margin", Margin(10, 10, string.IsNullOrWhiteSpace(title) ? 10 : 50, 10)),
            ("xaxis", Obj(("visible", false))), ("yaxis", Obj(("visible", false))),
            ("annotations", new[]
            {
                Obj(("text", text), ("xref", "paper"), ("yref", "paper"), ("x", 0.5), ("y", 0.5),
                    ("showarrow", false), ("font", Obj(("size", 16)))),
            }));
        return Chart([], layout);
    }
}
