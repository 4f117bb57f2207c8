using MnistCourse.Layers;
using MnistCourse.Models;
using MnistCourse.Tensors;
using MnistCourse.Training;
using static TorchSharp.torch;

namespace MnistCourse.Tests.Models;

/// <summary>Evaluate, Predict, LayerOutputs and Fit give the model back the mode it had, also when they are interrupted.</summary>
public class ModeScopeTests
{
    private static Sequential Model()
    {
        Course.Setup(seed: 0);
        var model = new Sequential(new Flatten(inputShape: (28, 28, 1)), new Dropout(0.5), new Dense(10, activation: "softmax"));
        model.Compile(optimizer: "adam", loss: "categorical_crossentropy", metrics: ["accuracy"]);
        return model;
    }

    private static (Tensor x, Tensor y) Data(int n) => (rand(n, 28, 28, 1), Utils.ToCategorical(randint(0, 10, n), 10));

    [Fact]
    public void Fit_evaluate_and_predict_leave_the_mode_as_they_found_it()
    {
        var model = Model();
        var (x, y) = Data(8);
        Assert.True(model.training);
        model.Fit(x, y, batchSize: 4, epochs: 1, verbose: 0);
        Assert.True(model.training);   // it used to end in evaluation mode
        model.eval();
        model.Fit(x, y, batchSize: 4, epochs: 1, verbose: 0);
        Assert.False(model.training);
        model.train();
        model.Evaluate(x, y, verbose: 0);
        model.Predict(x).Dispose();
        model.LayerOutputs(x, "dense");
        Assert.True(model.training);
    }

    [Fact]
    public void An_interrupted_evaluation_restores_training_mode()
    {
        var model = Model();
        var (x, y) = Data(8);
        using (var cancel = new CancellationTokenSource())
        {
            cancel.Cancel();
            CellCancellation.Publish(() => cancel.Token);
            try
            {
                Assert.ThrowsAny<OperationCanceledException>(() => model.Evaluate(x, y, batchSize: 4, verbose: 0));
            }
            finally
            {
                CellCancellation.Clear();
            }
        }
        Assert.True(model.training);
    }
}
