namespace MnistCourse.Convolution;

/// <summary>How much of the output <see cref="Signal"/> keeps, as <c>scipy.signal</c>'s <c>mode</c> argument.</summary>
public enum ConvolutionMode
{
    /// <summary>Every position where the kernel overlaps the image at all (zero fill outside): (H+K−1)×(W+K−1).</summary>
    Full,
    /// <summary>Only positions where the kernel lies wholly inside the image: (H−K+1)×(W−K+1). Keras' padding "valid".</summary>
    Valid,
    /// <summary>The same size as the image, centred on the full output (zero fill). Keras' padding "same" for odd kernels and stride 1.</summary>
    Same,
}
