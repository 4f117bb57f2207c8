using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Scripting;
using MnistCourse.Export.Reading;
using MnistCourse.NotebookEngine.Execution;
using MnistCourse.NotebookEngine.Execution.Packages;

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
    private readonly Dictionary<int, SemanticModel> _models = [];

    public CSharpCompilation? Last { get; private set; }

    /// <summary>True when the chain was compiled with every package and assembly the notebook references, without errors.</summary>
    public bool Complete { get; private set; } = true;

    /// <summary>The cell's semantic model; its <see cref="SemanticModel.Compilation"/> is the cell's submission.</summary>
    public SemanticModel Model(LessonCell cell) => _models[cell.Number];

    public static async Task<ScriptChain> BuildAsync(LessonSource source, List<string> warnings, CancellationToken cancellationToken)
    {
        var chain = new ScriptChain();
        var references = new List<MetadataReference>(FrameworkReferences.Create());
        if (source.Packages.Count > 0)
        {
            var result = await new NuGetRestorer().RestoreAsync(source.Packages, source.PackageSources, cancellationToken);
            if (result.Succeeded)
            {
                var known = new HashSet<string>(references.Select(r => Path.GetFileNameWithoutExtension(r.Display ?? "")), StringComparer.OrdinalIgnoreCase);
                foreach (var path in result.Packages.SelectMany(p => p.CompileAssemblies))
                    if (known.Add(Path.GetFileNameWithoutExtension(path))) references.Add(MetadataReference.CreateFromFile(path));
            }
            else
            {
                chain.Complete = false;
                warnings.Add($"the packages could not be restored, so the export analysed names without them ({result.Error})");
            }
        }
        foreach (var (cell, path, fullPath) in source.AssemblyReferences.Where(r => !File.Exists(r.FullPath)))
        {
            chain.Complete = false;
            warnings.Add($"cell {cell} references {path}, which is not built yet (./course setup builds it); the app needs it to run");
        }

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: CSharpSession.DefaultImports, allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Disable)
            .WithMetadataReferenceResolver(ScriptMetadataResolver.Default.WithBaseDirectory(source.NotebookFolder));
        foreach (var cell in source.CodeCells)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var compilation = CSharpCompilation.CreateScriptCompilation($"Submission{cell.Number}", cell.Tree, references, options, chain.Last, typeof(object));
            chain._models[cell.Number] = compilation.GetSemanticModel(cell.Tree!);
            // Roslyn chains a submission only onto one without errors: a cell that does not compile here is analysed on
            // its own, and the cells after it build on the last one that compiled (names it declared stay known by name).
            var error = compilation.GetDiagnostics(cancellationToken).FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (error is null)
            {
                chain.Last = compilation;
                continue;
            }
            chain.Complete = false;
            var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
            warnings.Add($"cell {cell.Number} does not compile here (line {line}: {error.Id}: {error.GetMessage()}); the app will not build until it does");
        }
        return chain;
    }
}
