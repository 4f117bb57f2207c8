namespace MnistCourse.Data;

/// <summary>
/// The training/validation splits the tutorials use, as index ranges and as copies. Neither shuffles:
/// <list type="bullet">
/// <item>Keras <c>fit(validation_split: f)</c> holds out the <b>last</b> fraction f of the arrays, taken before
/// any shuffling: training = the first ⌊n·(1−f)⌋ items, validation = the rest (Keras rejects an empty side).
/// With f = 0.1 on MNIST: train 0–53,999, validation 54,000–59,999.</item>
/// <item>TensorFlow's old <c>input_data.read_data_sets(validation_size: 5000)</c> takes the <b>first</b> 5,000
/// training images as <c>mnist.validation</c> and images 5,000–59,999 as <c>mnist.train</c>; <c>mnist.test</c>
/// is the 10,000 test images.</item>
/// </list>
/// </summary>
/// <example>
/// <code>
/// var data = Mnist.LoadRaw();
/// var (train, validation) = MnistSplits.KerasValidationSplit(data.Train, 0.1);  // 54,000 / 6,000 (last)
/// var (tfTrain, tfValid, tfTest) = MnistSplits.ReadDataSets(data);               // 55,000 / 5,000 (first) / 10,000
/// </code>
/// </example>
public static class MnistSplits
{
    /// <summary>The default <c>validation_size</c> of TensorFlow's <c>read_data_sets</c>.</summary>
    /// <example><code>int v = MnistSplits.ReadDataSetsValidationSize; // 5000</code></example>
    public const int ReadDataSetsValidationSize = 5000;

    /// <summary>
    /// Keras' split of <paramref name="count"/> items for <c>validation_split</c> =
    /// <paramref name="validationSplit"/>: train = [0, ⌊count·(1−f)⌋), validation = the rest (the last part).
    /// Throws when either part would be empty, as Keras does.
    /// </summary>
    /// <example><code>var (train, val) = MnistSplits.KerasValidationRanges(60_000, 0.2); // ..48000, 48000..</code></example>
    public static (Range Train, Range Validation) KerasValidationRanges(int count, double validationSplit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(validationSplit > 0 && validationSplit < 1))
            throw new ArgumentOutOfRangeException(nameof(validationSplit), validationSplit, "validation_split must be strictly between 0 and 1.");
        // Same arithmetic as Keras: int(math.floor(n * (1.0 - validation_split))).
        var splitAt = (int)Math.Floor(count * (1.0 - validationSplit));
        if (splitAt == 0 || splitAt == count)
            throw new ArgumentException(
                $"{count} samples are not enough to split with validation_split={validationSplit}: one side would be empty.", nameof(validationSplit));
        return (..splitAt, splitAt..count);
    }

    /// <summary>Copies of the two parts of Keras' <c>validation_split</c> (validation = the last fraction).</summary>
    /// <example><code>var (train, val) = MnistSplits.KerasValidationSplit(data.Train, 0.1);</code></example>
    public static (LabeledImages Train, LabeledImages Validation) KerasValidationSplit(LabeledImages data, double validationSplit)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (train, validation) = KerasValidationRanges(data.Count, validationSplit);
        return (data.Slice(train), data.Slice(validation));
    }

    /// <summary>
    /// TensorFlow <c>read_data_sets</c> ranges over <paramref name="count"/> training items:
    /// validation = [0, validationSize), train = [validationSize, count).
    /// </summary>
    /// <example><code>var (train, val) = MnistSplits.ReadDataSetsRanges(60_000); // 5000..60000, ..5000</code></example>
    public static (Range Train, Range Validation) ReadDataSetsRanges(int count, int validationSize = ReadDataSetsValidationSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // read_data_sets accepts 0 <= validation_size <= len(train_images).
        if (validationSize < 0 || validationSize > count)
            throw new ArgumentOutOfRangeException(nameof(validationSize), validationSize, $"validation size should be between 0 and {count}.");
        return (validationSize..count, ..validationSize);
    }

    /// <summary>Copies of TensorFlow's <c>mnist.train</c> (images 5,000–59,999), <c>mnist.validation</c> (the first 5,000) and <c>mnist.test</c>.</summary>
    /// <example><code>var (train, validation, test) = MnistSplits.ReadDataSets(Mnist.LoadRaw());</code></example>
    public static (LabeledImages Train, LabeledImages Validation, LabeledImages Test) ReadDataSets(MnistData data, int validationSize = ReadDataSetsValidationSize)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (train, validation) = ReadDataSetsRanges(data.Train.Count, validationSize);
        return (data.Train.Slice(train), data.Train.Slice(validation), data.Test);
    }
}
