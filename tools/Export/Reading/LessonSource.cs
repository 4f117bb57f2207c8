using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MnistCourse.Notebooks.Engine;
using MnistCourse.Notebooks.Format;
using MnistCourse.Notebooks.Running;

namespace MnistCourse.Export.Reading;

/// <summary>What a cell is, for the export.</summary>
internal enum LessonCellKind
{
    Markdown,
    Raw,
    Code,
}

/// <summary>
/// One cell as the export sees it. For code: the engine's <see cref="CellDirectives"/> (package lines blanked, so lines
/// keep their numbers) and that code parsed as a Roslyn script submission, which is what the notebook runs.
/// </summary>
internal sealed record LessonCell(int Number, LessonCellKind Kind, string Text, CellDirectives? Directives, SyntaxTree? Tree, bool IsParameters)
{
    public CompilationUnitSyntax Root => (CompilationUnitSyntax)Tree!.GetRoot();
}

/// <summary>
/// A notebook read for export: its cells, the packages and assemblies its directives ask for, and its parameters.
/// Everything is read with the notebook engine (<see cref="CellLanguage"/>, <see cref="CellDirectives"/>,
/// <see cref="KernelExtensionSubstitutes"/>, <see cref="ParametersCell"/>), so the app sees the notebook as the runner does.
/// </summary>
internal sealed class LessonSource
{
    public static readonly CSharpParseOptions ScriptParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    private LessonSource(Notebook notebook, string notebookPath)
    {
        Notebook = notebook;
        NotebookPath = Path.GetFullPath(notebookPath);
    }

    public Notebook Notebook { get; }

    public string NotebookPath { get; }

    public string NotebookFolder => Path.GetDirectoryName(NotebookPath)!;

    public string Name => Path.GetFileNameWithoutExtension(NotebookPath);

    public List<LessonCell> Cells { get; } = [];

    /// <summary>The packages, in order of appearance, with kernel extensions replaced by the package they wrap.</summary>
    public List<PackageRequest> Packages { get; } = [];

    /// <summary>Extra package sources (<c>#i "nuget: …"</c>), as written.</summary>
    public List<string> PackageSources { get; } = [];

    /// <summary><c>#r "path.dll"</c> references: the path as written (relative to the notebook) and where it was.</summary>
    public List<(int Cell, string Path)> AssemblyReferences { get; } = [];

    /// <summary>Kernel extensions that were left out (their package is loaded instead).</summary>
    public List<PackageRequest> DroppedExtensions { get; } = [];

    public LessonCell? ParametersCell { get; private set; }

    public IReadOnlyList<ParameterDeclaration> Parameters { get; private set; } = [];

    public IEnumerable<LessonCell> CodeCells => Cells.Where(c => c.Kind == LessonCellKind.Code);

    public static LessonSource Read(Notebook notebook, string notebookPath)
    {
        var source = new LessonSource(notebook, notebookPath);
        var parametersCell = Notebooks.Running.ParametersCell.Find(notebook);
        for (var index = 0; index < notebook.Cells.Count; index++)
        {
            var cell = notebook.Cells[index];
            var number = index + 1;
            if (cell.HasTag(Notebooks.Running.ParametersCell.InjectedTag)) continue; // left by a runner's --out copy: not lesson code
            var language = CellLanguage.Resolve(notebook, cell);
            switch (language)
            {
                case CellLanguage.Markdown:
                    source.Cells.Add(new LessonCell(number, LessonCellKind.Markdown, WithoutMagicLine(cell), null, null, false));
                    continue;
                case "raw":
                    source.Cells.Add(new LessonCell(number, LessonCellKind.Raw, cell.Source, null, null, false));
                    continue;
                case CellLanguage.CSharp:
                    break;
                default:
                    throw source.ForeignLanguage(number, language);
            }
            source.Cells.Add(source.ReadCode(cell, number, ReferenceEquals(cell, parametersCell)));
        }

        if (parametersCell is not null)
        {
            source.ParametersCell = source.Cells.First(c => c.IsParameters);
            source.Parameters = Notebooks.Running.ParametersCell.Declarations(parametersCell);
        }
        return source;
    }

    private ExportException ForeignLanguage(int number, string language) =>
        Error(number, null, $"language '{language}': a C# program can only hold C# cells (markdown cells become comments)");

    private LessonCell ReadCode(NotebookCell cell, int number, bool isParameters)
    {
        var directives = CellDirectives.Parse(cell.Source);
        if (directives.ForeignLanguage is { } foreign)
            throw ForeignLanguage(number, foreign);
        if (directives.Problems.Count > 0)
            throw Error(number, directives.Problems[0].Line, directives.Problems[0].Message);

        foreach (var request in directives.Packages)
        {
            var package = request;
            if (KernelExtensionSubstitutes.TrySubstitute(request, out var substitute))
            {
                DroppedExtensions.Add(request);
                package = substitute;
            }
            var existing = Packages.FindIndex(p => string.Equals(p.Id, package.Id, StringComparison.OrdinalIgnoreCase));
            if (existing < 0)
                Packages.Add(package);
            else if (Packages[existing].Version is null && package.Version is not null)
                Packages[existing] = package;
            else if (package.Version is not null && !string.Equals(Packages[existing].Version, package.Version, StringComparison.OrdinalIgnoreCase))
                throw Error(number, null, $"asks for {package.Id} {package.Version}, but an earlier cell loaded version {Packages[existing].Version}");
        }
        foreach (var extra in directives.Sources)
            if (!PackageSources.Contains(extra)) PackageSources.Add(extra);

        var tree = CSharpSyntaxTree.ParseText(directives.Code, ScriptParseOptions, path: CellPath(number));
        var syntaxError = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (syntaxError is not null)
            throw Error(number, syntaxError.Location.GetLineSpan().StartLinePosition.Line + 1, $"{syntaxError.Id}: {syntaxError.GetMessage()}");

        var root = (CompilationUnitSyntax)tree.GetRoot();
        foreach (var load in root.GetLoadDirectives())
            throw Error(number, Line(load), "#load is not supported: a program is one file; paste the loaded code into a cell");
        foreach (var reference in root.GetReferenceDirectives())
        {
            var path = reference.File.ValueText;
            if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                throw Error(number, Line(reference), $"#r \"{path}\" is not supported: only #r \"nuget: Id, Version\" and #r \"path/to/assembly.dll\" can become a program's references");
            if (!AssemblyReferences.Any(r => string.Equals(Path.GetFullPath(Path.Combine(NotebookFolder, r.Path)), Path.GetFullPath(Path.Combine(NotebookFolder, path)), StringComparison.Ordinal)))
                AssemblyReferences.Add((number, path));
        }
        return new LessonCell(number, LessonCellKind.Code, directives.Code, directives, tree, isParameters);
    }

    /// <summary>The file name Roslyn gives the cell's tree: it keys symbols to their cell.</summary>
    public static string CellPath(int number) => $"cell-{number}.csx";

    public static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    public static int Line(SyntaxToken token) => token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    public ExportException Error(int cell, int? line, string problem)
    {
        var where = line is { } l ? $"cell {cell}, line {l}" : $"cell {cell}";
        return new ExportException($"{Notebook.SourceName}: {where}: {problem}");
    }

    /// <summary>A code cell whose first line is <c>#!markdown</c> is markdown without that line.</summary>
    private static string WithoutMagicLine(NotebookCell cell)
    {
        var text = cell.Source;
        if (cell.Type != CellType.Code) return text;
        var parts = text.Split('\n', 2);
        return CellLanguage.TryParseMagic(parts[0], out _) ? (parts.Length > 1 ? parts[1] : "") : text;
    }
}
