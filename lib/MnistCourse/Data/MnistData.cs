namespace MnistCourse.Data;

/// <summary>
/// MNIST as plain arrays, Keras' <c>(x_train, y_train), (x_test, y_test)</c>: 60,000 training and 10,000 test
/// images (bytes 0–255, 28×28, row-major) with their labels 0–9, in file order.
/// </summary>
/// <example>
/// <code>
/// var ((xTrain, yTrain), (xTest, yTest)) = Mnist.LoadRaw();
/// Console.WriteLine($"{xTrain} / {xTest}; first label {yTrain[0]}"); // 60000×28×28 / 10000×28×28; first label 5
/// </code>
/// </example>
public sealed class MnistData
{
    /// <summary>Bundles a training and a test set; <paramref name="folder"/> records where they came from.</summary>
    /// <example><code>var d = new MnistData(train, test);</code></example>
    public MnistData(LabeledImages train, LabeledImages test, string? folder = null)
    {
        Train = train ?? throw new ArgumentNullException(nameof(train));
        Test = test ?? throw new ArgumentNullException(nameof(test));
        Folder = folder;
    }

    /// <summary>Training images and labels together (60,000 pairs).</summary>
    /// <example><code>var (x, y) = data.Train;</code></example>
    public LabeledImages Train { get; }

    /// <summary>Test images and labels together (10,000 pairs).</summary>
    /// <example><code>var (x, y) = data.Test;</code></example>
    public LabeledImages Test { get; }

    /// <summary>Training images (Keras' <c>x_train</c>): 60000×28×28 bytes.</summary>
    /// <example><code>byte[] pixels = data.TrainImages.Pixels;</code></example>
    public MnistImages TrainImages => Train.Images;

    /// <summary>Training labels 0–9 (Keras' <c>y_train</c>).</summary>
    /// <example><code>byte first = data.TrainLabels[0]; // 5</code></example>
    public byte[] TrainLabels => Train.Labels;

    /// <summary>Test images (Keras' <c>x_test</c>): 10000×28×28 bytes.</summary>
    /// <example><code>var img = data.TestImages.Image(0);</code></example>
    public MnistImages TestImages => Test.Images;

    /// <summary>Test labels 0–9 (Keras' <c>y_test</c>).</summary>
    /// <example><code>byte first = data.TestLabels[0]; // 7</code></example>
    public byte[] TestLabels => Test.Labels;

    /// <summary>The cache folder the files were read from, when known.</summary>
    /// <example><code>Console.WriteLine(data.Folder);</code></example>
    public string? Folder { get; }

    /// <summary>Splits into (train, test), so that <c>var ((xTrain, yTrain), (xTest, yTest)) = data;</c> reads like Keras.</summary>
    /// <example><code>var (train, test) = Mnist.LoadRaw();</code></example>
    public void Deconstruct(out LabeledImages train, out LabeledImages test)
    {
        train = Train;
        test = Test;
    }

    /// <summary>Shapes as text.</summary>
    /// <example><code>Console.WriteLine(data); // train 60000×28×28, test 10000×28×28</code></example>
    public override string ToString() => $"train {TrainImages}, test {TestImages}";
}
