using MnistCourse.Layers;
using MnistCourse.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Layers;

public class ModelStructureTests
{
    [Fact]
    public void Chollet_conv_base_and_full_net_have_the_seeds_parameter_counts()
    {
        var convBase = TutorialModels.Chollet(withClassifier: false);
        Assert.Equal(55_744, convBase.CountParams());
        Assert.Equal(new Shape(3, 3, 64), convBase.OutputShape);
        var full = TutorialModels.Chollet();
        Assert.Equal(93_322, full.CountParams());
        Assert.Equal(93_322, full.parameters().Sum(p => p.numel())); // the torch module agrees
    }

    [Fact]
    public void LeNet5_and_dropout_net_have_the_seeds_parameter_counts()
    {
        Assert.Equal(44_426, TutorialModels.LeNet5("tanh").CountParams());
        Assert.Equal(44_426, TutorialModels.LeNet5("relu").CountParams());
        Assert.Equal(184_586, TutorialModels.DropoutConvnet().CountParams());
    }

    [Fact]
    public void Summary_reads_like_Keras()
    {
        var summary = TutorialModels.Chollet().GetSummary();
        Assert.Equal(["conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "conv2d_2", "flatten", "dense", "dense_1"], summary.Rows.Select(r => r.Name));
        Assert.Equal("(None, 26, 26, 32)", summary.Rows[0].OutputShape);
        Assert.Equal("(None, 5, 5, 64)", summary.Rows[3].OutputShape);
        Assert.Equal("(None, 576)", summary.Rows[5].OutputShape);
        Assert.Equal([320L, 0, 18_496, 0, 36_928, 0, 36_928, 650], summary.Rows.Select(r => r.Params));
        var text = summary.ToString();
        Assert.Contains("conv2d (Conv2D)", text);
        Assert.Contains("max_pooling2d (MaxPooling2D) (None, 13, 13, 32)", text);
        Assert.Contains("max_pooling2d_1 (MaxPooling2 (None, 5, 5, 64)", text); // cut at the column, as Keras prints it
        Assert.All(text.Split('\n').Where(l => l.Contains("(None")), l => Assert.Equal("(None", l.Substring(29, 5)));
        Assert.Contains("Total params: 93,322", text);
        Assert.Contains("Trainable params: 93,322", text);
    }

    [Fact]
    public void Dropout_net_infers_1024_inputs_for_its_first_dense_layer()
    {
        var rows = TutorialModels.DropoutConvnet().GetSummary().Rows;
        Assert.Equal("(None, 1024)", rows.Single(r => r.Name == "flatten").OutputShape);
        Assert.Equal(1024 * 128 + 128, rows.Single(r => r.Name == "dense").Params);
        Assert.Equal(["activation", "activation_1", "activation_2", "activation_3"], rows.Where(r => r.Type == "Activation").Select(r => r.Name));
    }

    [Fact]
    public void Same_padding_and_strides_follow_TensorFlow()
    {
        var model = new Sequential(
            new Conv2D(4, (3, 3), padding: "same", inputShape: (28, 28, 1)),
            new Conv2D(4, (3, 3), strides: 2, padding: "same"),
            new Conv2D(4, (3, 3), strides: 2, padding: "valid"));
        Assert.Equal(["(None, 28, 28, 4)", "(None, 14, 14, 4)", "(None, 6, 6, 4)"], model.GetSummary().Rows.Select(r => r.OutputShape));
        using var y = model.forward(zeros(2, 28, 28, 1));
        Assert.Equal([2L, 4, 6, 6], y.shape);
    }

    [Fact]
    public void Wrong_input_shape_is_reported_in_Keras_terms()
    {
        var model = TutorialModels.LeNet5();
        var e = Assert.Throws<ArgumentException>(() => model.forward(zeros(8, 28, 28)));
        Assert.Contains("expected shape=(None, 28, 28, 1), found shape=(8, 28, 28)", e.Message);
        Assert.Contains("reshape(-1, 28, 28, 1)", e.Message);
        var dtype = Assert.Throws<ArgumentException>(() => model.forward(zeros(8, 28, 28, 1, dtype: ScalarType.Byte)));
        Assert.Contains("/ 255", dtype.Message);
    }

    [Fact]
    public void Building_mistakes_get_clear_errors()
    {
        var noShape = Assert.Throws<ArgumentException>(() => new Sequential(new Dense(10)));
        Assert.Contains("inputShape", noShape.Message);
        var notFlat = Assert.Throws<ArgumentException>(() => new Sequential(new Conv2D(2, 3, inputShape: (8, 8, 1)), new Dense(10)));
        Assert.Contains("Flatten()", notFlat.Message);
        Assert.Throws<ArgumentException>(() => new Conv2D(2, 3, activation: "swishy"));
        Assert.Throws<ArgumentException>(() => new Conv2D(2, 3, padding: "causal"));
        var tooBig = Assert.Throws<ArgumentException>(() => new Sequential(new Conv2D(2, 5, inputShape: (4, 4, 1))));
        Assert.Contains("larger than its input", tooBig.Message);
    }

    [Fact]
    public void Kernels_are_Glorot_uniform_and_biases_zero()
    {
        torch.manual_seed(1);
        var conv = (Conv2D)TutorialModels.Chollet().GetLayer("conv2d_1");
        double limit = Math.Sqrt(6.0 / (3 * 3 * 32 + 3 * 3 * 64));
        var w = conv.Conv.weight!;
        Assert.True(w.abs().max().item<float>() <= limit);
        Assert.True(w.abs().max().item<float>() > 0.9 * limit); // fills the whole range
        Assert.InRange(w.std().item<float>(), 0.9 * limit / Math.Sqrt(3), 1.1 * limit / Math.Sqrt(3)); // U(-l,l) has sd l/√3
        Assert.Equal(0, conv.Conv.bias!.abs().sum().item<float>());
    }

    [Fact]
    public void Flatten_uses_Keras_channels_last_order()
    {
        var model = new Sequential(new Flatten(inputShape: (2, 2, 3)));
        // NHWC input: value = h*100 + w*10 + c; Keras flattens h, then w, then c.
        var x = zeros(1, 2, 2, 3);
        for (int h = 0; h < 2; h++) for (int w = 0; w < 2; w++) for (int c = 0; c < 3; c++) x[0, h, w, c] = h * 100 + w * 10 + c;
        using var y = model.forward(x);
        Assert.Equal(new float[] { 0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112 }, y.data<float>().ToArray());
    }

    [Fact]
    public void The_model_is_a_real_torch_module()
    {
        var model = TutorialModels.Chollet();
        Assert.IsAssignableFrom<nn.Module<Tensor, Tensor>>(model);
        var names = model.named_parameters().Select(p => p.name).ToList();
        Assert.Contains("conv2d.conv.weight", names);
        Assert.Contains("dense_1.linear.bias", names);
        using var probabilities = model.forward(rand(3, 28, 28, 1));
        Assert.Equal([3L, 10], probabilities.shape);
        Assert.Equal(3.0, probabilities.sum().item<float>(), 4);
    }
}
