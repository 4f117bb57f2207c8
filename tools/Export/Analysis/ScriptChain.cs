using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using MnistCourse.Export.Reading;
using MnistCourse.Notebooks.Engine;
using MnistCourse.Notebooks.Engine.Packages;

namespace MnistCourse.Export.Analysis;

/// <summary>
/// The notebook's code cells compiled as Roslyn script submissions chained one on another, exactly as the engine's
/// <see cref="CSharpSession"/> runs them: each cell sees the earlier cells' variables, types and usings. The semantic
/// models say which declaration every name in a cell refers to, and the type of every top-level variable.
/// Nothing is run. Missing references (a package that cannot be restored, a DLL not built yet) only make names
/// unknown: the plan then falls back to renaming, which is always correct.
/// </summary>
internal sealed class ScriptChain
{
    private readonly Dictionary<int, (CSharpCompilation Compilation, SemanticModel Model)> _cells = [];

    public CSharpCompilation? Last { get; private set; }

    public CSharpCompilation Compilation(LessonCell cell) => _cells[cell.Number].Compilation;

    public SemanticModel Model(LessonCell cell) => _cells[cell.Number].Model;

    /// <summary>True when the chain was compiled with every package and assembly the notebook references.</summary>
    public bool Complete { get; private set; }

    public static async Task<ScriptChain> BuildAsync(LessonSource source, ExportOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        var references = new List<MetadataReference>(FrameworkReferences.Create());
        var complete = true;

        if (source.Packages.Count > 0)
        {
            if (!options.ResolvePackages)
            {
                complete = false;
            }
            else
            {
                var restorer = new NuGetRestorer(options.RestoreCacheDirectory);
                var sources = source.PackageSources
                    .Select(s => Uri.TryCreate(s, UriKind.Absolute, out var uri) && !uri.IsFile ? s : Path.GetFullPath(Path.Combine(source.NotebookFolder, s)))
                    .ToList();
                var result = await restorer.RestoreAsync(source.Packages, sources, cancellationToken);
                if (result.Succeeded)
                {
                    var known = new HashSet<string>(references.Select(r => Path.GetFileNameWithoutExtension(r.Display ?? "")), StringComparer.OrdinalIgnoreCase);
                    foreach (var path in result.Packages.SelectMany(p => p.CompileAssemblies))
                        if (known.Add(Path.GetFileNameWithoutExtension(path))) references.Add(MetadataReference.CreateFromFile(path));
                }
                else
                {
                    complete = false;
                    warnings.Add($"the packages could not be restored, so the export analysed names without them ({result.Error})");
                }
            }
        }
        foreach (var (cell, path) in source.AssemblyReferences)
        {
            if (File.Exists(Path.Combine(source.NotebookFolder, path))) continue;
            complete = false;
            warnings.Add($"cell {cell} references {path}, which is not built yet (./course setup builds it); the app needs it to run");
        }

        var compilationOptions = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                usings: CSharpSession.DefaultImports,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Disable)
            .WithMetadataReferenceResolver(ScriptMetadataResolver.Default.WithBaseDirectory(source.NotebookFolder));

        var chain = new ScriptChain { Complete = complete };
        CSharpCompilation? previous = null;
        foreach (var cell in source.CodeCells)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var compilation = CSharpCompilation.CreateScriptCompilation(
                $"Submission{cell.Number}", cell.Tree, references, compilationOptions, previous, typeof(object));
            chain._cells[cell.Number] = (compilation, compilation.GetSemanticModel(cell.Tree!));
            // Roslyn chains a submission only onto one without errors: a cell that does not compile here is analysed on
            // its own, and the cells after it build on the last one that compiled (names it declared stay known by name).
            var error = compilation.GetDiagnostics(cancellationToken).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (error is null)
            {
                previous = compilation;
            }
            else
            {
                chain.Complete = false;
                var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
                warnings.Add($"cell {cell.Number} does not compile here (line {line}: {error.Id}: {error.GetMessage()}); the app will not build until it does");
            }
        }
        chain.Last = previous;
        return chain;
    }
}
