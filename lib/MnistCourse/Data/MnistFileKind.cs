namespace MnistCourse.Data;

/// <summary>What an IDX file holds: images (magic 2051 = 0x00000803) or labels (magic 2049 = 0x00000801).</summary>
/// <example><code>if (spec.Kind == MnistFileKind.Images) { /* 28×28 pixels each */ }</code></example>
public enum MnistFileKind
{
    /// <summary>IDX3 unsigned-byte images: header magic, count, rows, cols, then the pixels.</summary>
    Images = 0x0803,

    /// <summary>IDX1 unsigned-byte labels: header magic, count, then one byte (0–9) per label.</summary>
    Labels = 0x0801,
}
