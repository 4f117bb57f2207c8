using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MnistCourse.NotebookEngine.Execution;
using MnistCourse.NotebookFormat;
using MnistCourse.NotebookEngine.Running;

namespace MnistCourse.Export.Reading;

/// <summary>
/// One cell as the export sees it (a <c>#!markdown</c> code cell is markdown). A code cell's text is the engine's <see cref="CellDirectives.Code"/> (package lines
/// blanked, so lines keep their numbers), parsed as a Roslyn script submission, which is what the notebook runs.
/// </summary>
internal sealed record LessonCell(int Number, CellType Kind, string Text, SyntaxTree? Tree = null, bool IsParameters = false, bool Timed = false)
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
    public LessonSource(Notebook notebook, string notebookPath)
    {
        Notebook = notebook;
        NotebookPath = Path.GetFullPath(notebookPath);
        var parametersCell = ParametersCell.Find(notebook);
        for (var number = 1; number <= notebook.Cells.Count; number++)
        {
            var cell = notebook.Cells[number - 1];
            if (cell.HasTag(ParametersCell.InjectedTag)) continue; // left by a runner's --out copy: not lesson code
            var language = CellLanguage.Resolve(notebook, cell);
            Cells.Add(language switch
            {
                CellLanguage.Markdown => new LessonCell(number, CellType.Markdown, WithoutMagicLine(cell)),
                "raw" => new LessonCell(number, CellType.Raw, cell.Source),
                CellLanguage.CSharp => ReadCode(cell, number, ReferenceEquals(cell, parametersCell)),
                _ => throw ForeignLanguage(number, language),
            });
        }
        if (parametersCell is not null) Parameters = ParametersCell.Declarations(parametersCell);
    }

    public Notebook Notebook { get; }

    public string NotebookPath { get; }

    public string NotebookFolder => Path.GetDirectoryName(NotebookPath)!;

    public string Name => Path.GetFileNameWithoutExtension(NotebookPath);

    public List<LessonCell> Cells { get; } = [];

    /// <summary>The packages, in order of appearance, with kernel extensions replaced by the package they wrap.</summary>
    public List<PackageRequest> Packages { get; } = [];

    /// <summary>Extra package sources (<c>#i "nuget: …"</c>): URLs as written, folders as full paths.</summary>
    public List<string> PackageSources { get; } = [];

    /// <summary><c>#r "path.dll"</c> references: the cell, the path as written (relative to the notebook) and the full path.</summary>
    public List<(int Cell, string Path, string FullPath)> AssemblyReferences { get; } = [];

    public IReadOnlyList<ParameterDeclaration> Parameters { get; } = [];

    public IEnumerable<LessonCell> CodeCells => Cells.Where(c => c.Kind == CellType.Code);

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
            var package = KernelExtensionSubstitutes.Substitute(request);
            var existing = Packages.FindIndex(p => string.Equals(p.Id, package.Id, StringComparison.OrdinalIgnoreCase));
            if (existing < 0)
                Packages.Add(package);
            else if (Packages[existing].Version is null && package.Version is not null)
                Packages[existing] = package;
            else if (package.Version is not null && !string.Equals(Packages[existing].Version, package.Version, StringComparison.OrdinalIgnoreCase))
                throw Error(number, null, $"asks for {package.Id} {package.Version}, but an earlier cell loaded version {Packages[existing].Version}");
        }
        foreach (var extra in directives.Sources)
        {
            var resolved = Uri.TryCreate(extra, UriKind.Absolute, out var uri) && !uri.IsFile ? extra : Path.GetFullPath(Path.Combine(NotebookFolder, extra));
            if (!PackageSources.Contains(resolved)) PackageSources.Add(resolved);
        }

        // The tree's file name keys symbols to their cell.
        var tree = CSharpSyntaxTree.ParseText(directives.Code, new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script),
            path: $"cell-{number}.csx");
        var syntaxError = tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
        if (syntaxError is not null)
            throw Error(number, syntaxError.Location.GetLineSpan().StartLinePosition.Line + 1, $"{syntaxError.Id}: {syntaxError.GetMessage()}");

        var root = (CompilationUnitSyntax)tree.GetRoot();
        foreach (var load in root.GetLoadDirectives())
            throw Error(number, Line(load), "#load is not supported: a program is one file; paste the loaded code into a cell");
        foreach (var externAlias in root.Externs)
            throw Error(number, Line(externAlias), "extern alias is not supported in an exported program");
        foreach (var reference in root.GetReferenceDirectives())
        {
            var path = reference.File.ValueText;
            if (!path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                throw Error(number, Line(reference), $"#r \"{path}\" is not supported: only #r \"nuget: Id, Version\" and #r \"path/to/assembly.dll\" can become a program's references");
            var fullPath = Path.GetFullPath(Path.Combine(NotebookFolder, path));
            if (!AssemblyReferences.Any(r => r.FullPath == fullPath)) AssemblyReferences.Add((number, path, fullPath));
        }
        return new LessonCell(number, CellType.Code, directives.Code, tree, isParameters, directives.Time);
    }

    public static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

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
