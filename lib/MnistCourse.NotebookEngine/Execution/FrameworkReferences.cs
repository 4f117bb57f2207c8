using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// What every cell compiles against: the whole shared framework (as an SDK project would see it), the engine's
/// helpers, the .NET Interactive formatter and IHtmlContent. The list of files is found once per process.
/// </summary>
public static class FrameworkReferences
{
    private static readonly Lazy<IReadOnlyList<string>> Paths = new(FindPaths);

    /// <summary>
    /// New reference objects for each session: Roslyn caches assembly symbols on them, and compilations of concurrent
    /// sessions sharing those caches were seen to bind the helpers twice (ambiguous calls, CS0121).
    /// </summary>
    public static IReadOnlyList<MetadataReference> Create() =>
        Paths.Value.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();

    private static IReadOnlyList<string> FindPaths()
    {
        var paths = new List<string>();
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        foreach (var path in Directory.EnumerateFiles(runtimeDirectory, "*.dll"))
        {
            try
            {
                AssemblyName.GetAssemblyName(path); // skips native files
                paths.Add(path);
            }
            catch (BadImageFormatException)
            {
            }
        }
        foreach (var assembly in new[] { typeof(FrameworkReferences).Assembly, typeof(Formatter).Assembly, typeof(IHtmlContent).Assembly })
            if (!string.IsNullOrEmpty(assembly.Location)) paths.Add(assembly.Location);
        return paths.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
