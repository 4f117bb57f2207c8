using TorchSharp;
using static TorchSharp.torch;

namespace MnistCourse.Bench;

/// <summary>
/// The four tutorial networks written in plain TorchSharp (torch modules on NCHW views, torch's optimizers and
/// cross-entropy): the baseline the library's Keras-style <c>Fit</c> is measured against.
/// </summary>
internal static class BareNetworks
{
    public static nn.Module<Tensor, Tensor> Build(string network) => network switch
    {
        "chollet" => nn.Sequential(
            nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(64, 64, 3), nn.ReLU(),
            nn.Flatten(), nn.Linear(576, 64), nn.ReLU(), nn.Linear(64, 10)),
        "dropout" => nn.Sequential(
            nn.Conv2d(1, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(32, 64, 5), nn.ReLU(), nn.MaxPool2d(2),
            nn.Flatten(), nn.Linear(1024, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 10)),
        "lenet-tanh" => LeNet(nn.Tanh),
        "lenet-relu" => LeNet(() => nn.ReLU()),
        _ => throw new ArgumentException($"unknown network '{network}'"),
    };

    private static nn.Module<Tensor, Tensor> LeNet(Func<nn.Module<Tensor, Tensor>> activation) => nn.Sequential(
        nn.Conv2d(1, 6, 5), activation(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), activation(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(256, 120), activation(), nn.Linear(120, 84), activation(), nn.Linear(84, 10));

    /// <summary>The tutorial's optimizer, by its Keras name: Chollet's net trains with RMSprop, the others with Adam.</summary>
    public static string KerasOptimizer(string network) => network == "chollet" ? "rmsprop" : "adam";

    /// <summary>torch's own <see cref="KerasOptimizer"/>, with Keras' defaults.</summary>
    public static torch.optim.Optimizer Optimizer(string network, nn.Module<Tensor, Tensor> model) => KerasOptimizer(network) == "rmsprop"
        ? torch.optim.RMSProp(model.parameters(), lr: 1e-3, alpha: 0.9, eps: 1e-7)
        : torch.optim.Adam(model.parameters(), lr: 1e-3, eps: 1e-7);
}
