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

/// <summary>
/// MNIST the way the tutorials load it. The first call fetches the four files into the cache folder
/// (<c>data/mnist</c> of the repository, or <c>$MNIST_DIR</c>) and verifies them by SHA-256 (see
/// <see cref="MnistCache"/>); later calls read them from there.
/// </summary>
/// <example>
/// <code>
/// var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadData();   // Keras: xTrain is (60000, 28, 28) uint8
/// var mnist = Mnist.ReadDataSets();                             // TensorFlow: mnist.Train.Images is (55000, 784) float32
/// </code>
/// </example>
public static class Mnist
{
    /// <summary>
    /// Keras' <c>mnist.load_data()</c>: ((x_train, y_train), (x_test, y_test)) as uint8 tensors in file order,
    /// images (N, 28, 28) with 0 = background and 255 = ink, labels (N).
    /// </summary>
    public static ((Tensor x, Tensor y) train, (Tensor x, Tensor y) test) LoadData(string? folder = null)
    {
        TorchRuntime.EnsureReady();
        var (xTrain, yTrain, xTest, yTest) = Read(folder);
        return ((tensor(xTrain, [yTrain.Length, MnistFile.Side, MnistFile.Side]), tensor(yTrain, [yTrain.Length])),
                (tensor(xTest, [yTest.Length, MnistFile.Side, MnistFile.Side]), tensor(yTest, [yTest.Length])));
    }

    /// <summary>
    /// TensorFlow's <c>read_data_sets(dir, one_hot=True)</c>: the FIRST <paramref name="validationSize"/> training
    /// images are the validation set and <c>Train</c> is the rest (images 5,000–59,999 by default); images
    /// flattened to 784 float32 values in [0, 1], labels one-hot. Nothing is shuffled.
    /// </summary>
    public static DataSets ReadDataSets(int validationSize = 5000, string? folder = null)
    {
        // read_data_sets accepts 0 <= validation_size <= len(train_images).
        var trainCount = MnistFile.TrainLabels.Count;
        if (validationSize < 0 || validationSize > trainCount)
            throw new ArgumentOutOfRangeException(nameof(validationSize), validationSize, $"validation size should be between 0 and {trainCount}.");
        TorchRuntime.EnsureReady();
        var (xTrain, yTrain, xTest, yTest) = Read(folder);
        return new DataSets(ToDataSet(xTrain, yTrain, validationSize..), ToDataSet(xTrain, yTrain, ..validationSize), ToDataSet(xTest, yTest, ..));
    }

    /// <summary>Makes sure the four verified files are in the cache folder (fetching them on first use); returns the folder.</summary>
    public static string Ensure(string? folder = null, TextWriter? log = null) => new MnistCache(folder, log).Ensure();

    /// <summary>Reports on the four files without fetching or changing anything (for <c>./course doctor</c>).</summary>
    public static IReadOnlyList<MnistFileCheck> Check(string? folder = null) => new MnistCache(folder).Check();

    public static string DefaultFolder => MnistPaths.DefaultFolder();

    // The four files' payloads: pixels and labels as bytes, in file order.
    private static (byte[] XTrain, byte[] YTrain, byte[] XTest, byte[] YTest) Read(string? folder)
    {
        var dir = new MnistCache(folder) { ReportVerified = false }.Ensure();   // a fetch still says what it did
        byte[] Payload(MnistFile file) => IdxFile.Read(Path.Combine(dir, file.Name), file);
        return (Payload(MnistFile.TrainImages), Payload(MnistFile.TrainLabels), Payload(MnistFile.TestImages), Payload(MnistFile.TestLabels));
    }

    private static DataSet ToDataSet(byte[] pixels, byte[] labels, Range range)
    {
        const int perImage = MnistFile.Side * MnistFile.Side;
        var (start, count) = range.GetOffsetAndLength(labels.Length);
        using var x = tensor(pixels[(start * perImage)..((start + count) * perImage)], [count, perImage]);
        using var y = tensor(labels[range], [count]);
        return new DataSet(x.to(ScalarType.Float32).div_(255), Tensors.Utils.ToCategorical(y));
    }
}
