using MnistCourse.Native;
using static TorchSharp.torch;

namespace MnistCourse.Data;

/// <summary>One split of TensorFlow's old <c>read_data_sets</c>: images flattened to 784 floats in [0, 1], labels one-hot.</summary>
public sealed record DataSet(Tensor Images, Tensor Labels)
{
    public long Count => Images.shape[0];
}

/// <summary>What TensorFlow's <c>input_data.read_data_sets(dir, one_hot=True)</c> returned: train, validation and test.</summary>
public sealed record DataSets(DataSet Train, DataSet Validation, DataSet Test);

// The Keras- and TensorFlow-shaped entry points, as tensors.
public static partial class Mnist
{
    /// <summary>
    /// Keras' <c>mnist.load_data()</c>: ((x_train, y_train), (x_test, y_test)) as uint8 tensors, images (N, 28, 28)
    /// with 0 = background and 255 = ink, labels (N). Fetches and verifies the files on first use.
    /// </summary>
    /// <example><code>var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadData();   // xTrain.shape = [60000, 28, 28]</code></example>
    public static ((Tensor x, Tensor y) train, (Tensor x, Tensor y) test) LoadData(string? folder = null)
    {
        TorchRuntime.EnsureReady();
        var data = LoadRaw(folder);
        return (ToTensors(data.Train), ToTensors(data.Test));
    }

    /// <summary>
    /// TensorFlow's <c>read_data_sets(dir, one_hot=True)</c>: the FIRST <paramref name="validationSize"/> training
    /// images are the validation set, <c>Train</c> is the rest (images 5,000–59,999), images flattened to 784
    /// float32 values in [0, 1], labels one-hot.
    /// </summary>
    /// <example><code>var mnist = Mnist.ReadDataSets();   mnist.Train.Images.shape   // [55000, 784]</code></example>
    public static DataSets ReadDataSets(int validationSize = MnistSplits.ReadDataSetsValidationSize, string? folder = null)
    {
        TorchRuntime.EnsureReady();
        var (train, validation, test) = MnistSplits.ReadDataSets(LoadRaw(folder), validationSize);
        return new DataSets(ToDataSet(train), ToDataSet(validation), ToDataSet(test));
    }

    private static (Tensor x, Tensor y) ToTensors(LabeledImages set) =>
        (tensor(set.Images.Pixels, [set.Count, set.Images.Rows, set.Images.Cols]), tensor(set.Labels, [set.Count]));

    private static DataSet ToDataSet(LabeledImages set)
    {
        using var pixels = tensor(set.Images.Pixels, [set.Count, set.Images.PixelsPerImage]);
        using var labels = tensor(set.Labels, [set.Count]);
        return new DataSet(pixels.to(ScalarType.Float32).div_(255), Tensors.Utils.ToCategorical(labels));
    }
}
