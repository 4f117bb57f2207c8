using System.Globalization;
using MnistCourse.Tensors;
using MnistCourse.Training;
using Plotly.NET;
using static TorchSharp.torch;

namespace MnistCourse.Charts;

// The same pictures straight from what the lessons hold: tensors and a training History.
public static partial class Plot
{
    /// <summary>A grid of digits from a batch (N, 28, 28) or (N, 28, 28, 1), captioned with their labels (integers or one-hot rows).</summary>
    public static GenericChart Digits(Tensor images, Tensor? labels = null, string? title = null)
    {
        var pictures = images.ToImages();
        var captions = labels?.ToLabels().Select(l => l.ToString(CultureInfo.InvariantCulture)).ToList();
        if (captions is not null)
            CheckOnePer(captions, "label per image", pictures.Length, nameof(labels));
        return Digits(pictures, captions, title);
    }

    /// <summary>One sample's feature maps, channels-last (H, W, C) or (1, H, W, C), as Keras' layer outputs are.</summary>
    public static GenericChart FeatureMaps(Tensor maps, string? title = null) => FeatureMaps(maps.ToFeatureMaps(), title);

    /// <summary>Loss and accuracy per epoch, training solid and validation dashed.</summary>
    public static GenericChart TrainingCurves(History history, string? title = null) => TrainingCurves(history.Values, title);
}
