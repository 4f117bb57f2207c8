using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MnistCourse.Export.Reading;

namespace MnistCourse.Export.Analysis;

/// <summary>
/// How the notebook's names become one program's names. Every cell is its own scope in a notebook; one file's top-level
/// statements share one: a variable redeclared with the same type (per Roslyn's semantic model) becomes an assignment;
/// one redeclared with another type, a method or type declared again, or a name the generated code uses gets a fresh
/// name (<c>x_2</c>), which every reference bound to that declaration follows; a nested local (not in a lambda or local
/// function, which may shadow) named like any top-level variable is renamed too. Decisions are keyed by declaration
/// (cell and position), found through the symbols references bind to.
/// </summary>
internal sealed class NamePlan
{
    /// <summary>Top-level names the generated code uses: a lesson's own declarations of them are renamed.</summary>
    private static readonly string[] GeneratedTypeNames = ["NotebookOutput", "NotebookDisplay", "NotebookParameters"];

    private readonly Dictionary<Declaration, string> _names = [];
    private readonly HashSet<SyntaxNode> _assignments = [];
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private readonly HashSet<string> _topLevel = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<string, string>> _visibleAtStart = [];
    private Dictionary<string, string> _visibleAfterParameters = [];
    private readonly List<(int Cell, string Note)> _notes = [];

    /// <summary>Where a symbol is declared: the same declaration whichever reference binds to it.</summary>
    private readonly record struct Declaration(SyntaxTree Tree, int Start, SymbolKind Kind);

    private sealed record Visible(string Emitted, ITypeSymbol? Type, bool Assignable, bool Reserved = false);

    /// <summary>A top-level declaration statement of a cell and the script-level symbols it declares.</summary>
    private sealed record Unit(SyntaxNode Node, IReadOnlyList<ISymbol> Symbols, bool Convertible, bool Assignable);

    public static NamePlan Build(LessonSource source, ScriptChain chain)
    {
        var plan = new NamePlan();
        plan._taken.UnionWith(source.CodeCells.SelectMany(cell => cell.Root.DescendantTokens())
            .Where(token => token.IsKind(SyntaxKind.IdentifierToken)).Select(token => token.ValueText));

        var values = new Dictionary<string, Visible>(StringComparer.Ordinal);
        var types = new HashSet<string>(GeneratedTypeNames, StringComparer.Ordinal);
        foreach (var name in (string[])["args", .. GeneratedTypeNames])
        {
            values[name] = new Visible(name, null, Assignable: false, Reserved: true);
            plan._topLevel.Add(name);
        }

        foreach (var cell in source.CodeCells)
        {
            plan._visibleAtStart[cell.Number] = values.ToDictionary(p => p.Key, p => p.Value.Emitted, StringComparer.Ordinal);
            var model = chain.Model(cell);
            foreach (var unit in TopLevelUnits(source, cell, model))
            {
                if (unit.Symbols is [INamedTypeSymbol declaredType])
                {
                    var emitted = types.Add(declaredType.Name) ? declaredType.Name : plan.Fresh(declaredType.Name);
                    if (emitted != declaredType.Name)
                        plan.Note(cell, $"type {declaredType.Name} is declared again here (or its name is the generated code's): it is {emitted} from here on");
                    plan.Set(declaredType, emitted);
                    continue;
                }

                var assign = unit.Convertible && unit.Symbols.Count > 0 && unit.Symbols.All(s =>
                    values.TryGetValue(s.Name, out var earlier) && earlier.Assignable && SameType(earlier.Type, TypeOf(s)));
                foreach (var symbol in unit.Symbols)
                {
                    var emitted = symbol.Name;
                    if (assign)
                    {
                        emitted = values[symbol.Name].Emitted;
                        plan.Note(cell, $"{symbol.Name} is declared again with the same type ({TypeOf(symbol)!.ToDisplayString()}): an assignment here");
                    }
                    else if (values.ContainsKey(symbol.Name))
                    {
                        emitted = plan.Fresh(symbol.Name);
                        var what = values[symbol.Name].Reserved
                            ? "is a name the generated code uses"
                            : TypeOf(symbol) is { } type ? $"is declared again here as {type.ToDisplayString()}" : "is declared again here";
                        plan.Note(cell, $"{symbol.Name} {what}: it is {emitted} from here on");
                    }
                    plan.Set(symbol, emitted);
                    plan._topLevel.Add(emitted);
                    values[symbol.Name] = new Visible(emitted, TypeOf(symbol), unit.Assignable);
                }
                if (assign) plan._assignments.Add(unit.Node);
            }
            if (cell.IsParameters) plan._visibleAfterParameters = values.ToDictionary(p => p.Key, p => p.Value.Emitted, StringComparer.Ordinal);
        }

        // Nested locals whose name is a top-level name somewhere in the file (CS0136 in one scope, fine across cells).
        foreach (var cell in source.CodeCells)
        {
            var model = chain.Model(cell);
            foreach (var node in cell.Root.DescendantNodes())
            {
                if (DeclaredIdentifier(node) is null) continue;
                var symbol = model.GetDeclaredSymbol(node);
                if (symbol is not (ILocalSymbol or IRangeVariableSymbol or IMethodSymbol { MethodKind: MethodKind.LocalFunction })) continue;
                if (!plan._topLevel.Contains(symbol.Name) || MayShadow(node, symbol)) continue;
                var fresh = plan.Fresh(symbol.Name);
                plan.Set(symbol, fresh);
                plan.Note(cell, $"the local {symbol.Name} (line {LessonSource.Line(node)}) is {fresh}: in one file, a top-level {symbol.Name} would clash with it");
            }
        }
        return plan;
    }

    /// <summary>The name a declaration has in the program, or null when it is not one the plan knows (keep the name).</summary>
    public string? NameOf(ISymbol? symbol)
    {
        if (symbol is null) return null;
        if (symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor } special)
            return NameOf(special.ContainingType);
        if (symbol is IMethodSymbol { ReducedFrom: { } reduced }) symbol = reduced;
        return Key(symbol) is { } key && _names.TryGetValue(key, out var name) ? name : null;
    }

    /// <summary>For a name Roslyn could not bind (a cell with errors): the top-level name it meant, as seen when the cell starts.</summary>
    public string? NameAtStartOf(LessonCell cell, string name) =>
        _visibleAtStart.TryGetValue(cell.Number, out var visible) && visible.TryGetValue(name, out var emitted) ? emitted : null;

    /// <summary>The variable a parameter is in the program: its name, unless the plan renamed it.</summary>
    public string VariableOf(string parameter) => _visibleAfterParameters.GetValueOrDefault(parameter, parameter);

    /// <summary>The declaration statement becomes an assignment to the variable declared earlier.</summary>
    public bool IsAssignment(SyntaxNode unit) => _assignments.Contains(unit);

    /// <summary>What the plan changed in the cell, for a comment in the app.</summary>
    public IEnumerable<string> NotesFor(LessonCell cell) => _notes.Where(n => n.Cell == cell.Number).Select(n => n.Note);

    public static bool IsScriptField(ISymbol? symbol) => symbol is IFieldSymbol { ContainingType.IsScriptClass: true };

    /// <summary>The identifier token a declaration node introduces, for the kinds of declarations the plan may rename.</summary>
    public static SyntaxToken? DeclaredIdentifier(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax v => v.Identifier,
        SingleVariableDesignationSyntax d => d.Identifier,
        ForEachStatementSyntax f => f.Identifier,
        CatchDeclarationSyntax { Identifier.RawKind: (int)SyntaxKind.IdentifierToken } c => c.Identifier,
        LocalFunctionStatementSyntax l => l.Identifier,
        MethodDeclarationSyntax m => m.Identifier,
        BaseTypeDeclarationSyntax t => t.Identifier,
        DelegateDeclarationSyntax d => d.Identifier,
        ConstructorDeclarationSyntax c => c.Identifier,
        DestructorDeclarationSyntax d => d.Identifier,
        FromClauseSyntax f => f.Identifier,
        LetClauseSyntax l => l.Identifier,
        JoinClauseSyntax j => j.Identifier,
        JoinIntoClauseSyntax j => j.Identifier,
        QueryContinuationSyntax q => q.Identifier,
        _ => null,
    };

    private static IEnumerable<Unit> TopLevelUnits(LessonSource source, LessonCell cell, SemanticModel model)
    {
        var units = new List<Unit>();
        var covered = new HashSet<SyntaxNode>();

        IReadOnlyList<ISymbol> Fields(IEnumerable<SyntaxNode> declarators)
        {
            var list = new List<ISymbol>();
            foreach (var declarator in declarators)
            {
                covered.Add(declarator);
                if (model.GetDeclaredSymbol(declarator) is { } symbol && IsScriptField(symbol)) list.Add(symbol);
            }
            return list;
        }

        foreach (var member in cell.Root.Members)
        {
            switch (member)
            {
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }:
                {
                    var plain = local.Modifiers.Count == 0 && local.UsingKeyword.IsKind(SyntaxKind.None) && local.Declaration.Type is not RefTypeSyntax;
                    units.Add(new Unit(local, Fields(local.Declaration.Variables), Convertible: plain, Assignable: plain));
                    break;
                }
                case FieldDeclarationSyntax field:
                {
                    var isConst = field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    var isReadOnly = field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword);
                    units.Add(new Unit(field, Fields(field.Declaration.Variables), Convertible: !isConst, Assignable: !isConst && !isReadOnly));
                    break;
                }
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: var left } } } statement
                    when left is DeclarationExpressionSyntax || (left is TupleExpressionSyntax && left.DescendantNodes().OfType<DeclarationExpressionSyntax>().Any()):
                    units.Add(new Unit(statement.Statement, Fields(left.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>()), Convertible: true, Assignable: true));
                    break;
                case MethodDeclarationSyntax method:
                    if (model.GetDeclaredSymbol(method) is { } m) units.Add(new Unit(method, [m], Convertible: false, Assignable: false));
                    break;
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                    if (model.GetDeclaredSymbol(member) is INamedTypeSymbol type) units.Add(new Unit(member, [type], Convertible: false, Assignable: false));
                    break;
                case GlobalStatementSyntax:
                    break;
                default:
                    throw source.Error(cell.Number, LessonSource.Line(member),
                        $"a {Describe(member)} at the top level of a cell cannot be part of a program's top-level statements; declare it inside a class (or make it a method)");
            }
        }

        // Expression variables at the top level (out var x, is T x): script fields too; never turned into assignments.
        foreach (var node in cell.Root.DescendantNodes())
        {
            if (node is not (SingleVariableDesignationSyntax or VariableDeclaratorSyntax) || covered.Contains(node)) continue;
            if (model.GetDeclaredSymbol(node) is { } symbol && IsScriptField(symbol))
                units.Add(new Unit(node, [symbol], Convertible: false, Assignable: true));
        }
        return units.OrderBy(u => u.Node.SpanStart);
    }

    private static string Describe(MemberDeclarationSyntax member) => member switch
    {
        PropertyDeclarationSyntax => "property",
        EventDeclarationSyntax or EventFieldDeclarationSyntax => "event",
        IndexerDeclarationSyntax => "indexer",
        OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax => "operator",
        _ => member.Kind().ToString(),
    };

    /// <summary>Lambdas and local functions may reuse an enclosing local's name; nested blocks of the top level may not.</summary>
    private static bool MayShadow(SyntaxNode declaration, ISymbol symbol)
    {
        for (var node = declaration.Parent; node is not null; node = node.Parent)
        {
            if (node is BaseTypeDeclarationSyntax) return true; // moved out of the statements
            if (symbol is IRangeVariableSymbol) continue; // a range variable may not reuse any enclosing local's name
            if (node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or MethodDeclarationSyntax) return true;
        }
        return false;
    }

    private static ITypeSymbol? TypeOf(ISymbol symbol) => (symbol as IFieldSymbol)?.Type;

    /// <summary>Same type for certain: both known (no errors) and equal; for types declared in the notebook, the same declaration.</summary>
    private static bool SameType(ITypeSymbol? earlier, ITypeSymbol? later)
    {
        if (earlier is null || later is null || HasErrors(earlier) || HasErrors(later)) return false;
        if (SymbolEqualityComparer.Default.Equals(earlier, later)) return true;
        return FromMetadataOnly(earlier) && FromMetadataOnly(later)
               && earlier.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == later.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    private static bool HasErrors(ITypeSymbol type) => type switch
    {
        IErrorTypeSymbol => true,
        IArrayTypeSymbol array => HasErrors(array.ElementType),
        IPointerTypeSymbol pointer => HasErrors(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(HasErrors),
        _ => false,
    };

    private static bool FromMetadataOnly(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol array => FromMetadataOnly(array.ElementType),
        INamedTypeSymbol { IsAnonymousType: true } => false,
        INamedTypeSymbol named => named.DeclaringSyntaxReferences.Length == 0 && named.TypeArguments.All(FromMetadataOnly),
        _ => type.DeclaringSyntaxReferences.Length == 0,
    };

    private static Declaration? Key(ISymbol symbol)
    {
        symbol = symbol.OriginalDefinition;
        var location = symbol.Locations.FirstOrDefault(l => l.IsInSource);
        return location?.SourceTree is { } tree ? new Declaration(tree, location.SourceSpan.Start, symbol.Kind) : null;
    }

    private void Set(ISymbol symbol, string emitted)
    {
        if (Key(symbol) is { } key) _names[key] = emitted;
    }

    private string Fresh(string name)
    {
        var n = 2;
        while (!_taken.Add($"{name}_{n}")) n++;
        return $"{name}_{n}";
    }

    private void Note(LessonCell cell, string note) => _notes.Add((cell.Number, note));
}
