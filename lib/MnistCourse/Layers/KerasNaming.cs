using System.Text.RegularExpressions;

namespace MnistCourse.Layers;

/// <summary>Keras' layer names: the class name in snake case (Conv2D → conv2d, MaxPooling2D → max_pooling2d), then _1, _2, … for repeats.</summary>
internal static class KerasNaming
{
    /// <summary>Keras' <c>to_snake_case</c> (keras/src/utils/naming.py).</summary>
    public static string BaseName(string typeName) =>
        Regex.Replace(Regex.Replace(typeName, "(.)([A-Z][a-z]+)", "$1_$2"), "([a-z])([A-Z])", "$1_$2").ToLowerInvariant();

    /// <summary>The next free name for <paramref name="baseName"/> among <paramref name="taken"/>: conv2d, conv2d_1, conv2d_2, …</summary>
    public static string Unique(string baseName, IEnumerable<string> taken)
    {
        var names = taken.ToHashSet();
        return names.Contains(baseName) ? Enumerable.Range(1, names.Count).Select(i => $"{baseName}_{i}").First(n => !names.Contains(n)) : baseName;
    }
}
