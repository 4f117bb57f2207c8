using System.Text;

namespace MnistCourse.Layers;

/// <summary>Keras' layer names: the class name in snake case (Conv2D → conv2d, MaxPooling2D → max_pooling2d), then _1, _2, … for repeats.</summary>
internal static class KerasNaming
{
    public static string BaseName(string typeName)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < typeName.Length; i++)
        {
            char c = typeName[i];
            bool boundary = char.IsUpper(c) && i > 0 && (char.IsLower(typeName[i - 1]) ||
                            (i + 1 < typeName.Length && char.IsLower(typeName[i + 1]) && !char.IsDigit(typeName[i - 1])));
            if (boundary) sb.Append('_');
            sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>The next free name for <paramref name="baseName"/> among <paramref name="taken"/>: conv2d, conv2d_1, conv2d_2, …</summary>
    public static string Unique(string baseName, IEnumerable<string> taken)
    {
        var names = taken.ToHashSet();
        if (!names.Contains(baseName)) return baseName;
        for (int i = 1; ; i++)
            if (!names.Contains($"{baseName}_{i}")) return $"{baseName}_{i}";
    }
}
