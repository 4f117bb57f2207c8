using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel.Language;

/// <summary>
/// complete_request from Roslyn's semantic model, the cheap way (no workspace, no Features package): the cell is
/// compiled as the next submission, so earlier cells' variables, usings and #r packages are known. After a dot it
/// offers the members of what is left of the dot (instance members and extension methods of a value, static members
/// of a type, types and namespaces of a namespace); elsewhere every symbol in scope plus the C# keywords.
/// </summary>
public sealed class CompletionProvider(CSharpSession session)
{
    private const int MaxMatches = 1000;

    private static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText).Where(k => k.Length > 0 && char.IsLetter(k[0])).Distinct().ToArray();

    public JsonObject Reply(string code, int cursorCodePoints)
    {
        var cursor = CellPosition.ToUtf16(code, cursorCodePoints);
        var start = cursor;
        while (start > 0 && IsIdentifierPart(code[start - 1])) start--;
        var prefix = code[start..cursor];

        var candidates = new List<(string Name, string Type)>();
        try
        {
            candidates = Candidates(code, start);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Hosting.KernelLog.Warn($"completion failed: {e.Message}");
        }

        var matches = candidates
            .Where(c => c.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(c => c.Name)
            .OrderBy(c => c.Name.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxMatches)
            .ToList();
        int startCodePoints = CellPosition.ToCodePoints(code, start), endCodePoints = CellPosition.ToCodePoints(code, cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(matches.Select(m => (JsonNode?)JsonValue.Create(m.Name)).ToArray()),
            ["cursor_start"] = startCodePoints,
            ["cursor_end"] = endCodePoints,
            ["metadata"] = new JsonObject
            {
                // JupyterLab and VS Code show these as the kind of each match.
                ["_jupyter_types_experimental"] = new JsonArray(matches.Select(m => (JsonNode?)new JsonObject
                {
                    ["start"] = startCodePoints, ["end"] = endCodePoints, ["text"] = m.Name, ["type"] = m.Type,
                }).ToArray()),
            },
        };
    }

    private List<(string Name, string Type)> Candidates(string code, int wordStart)
    {
        var compilation = session.PreviewCompilation(code);
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var position = CellPosition.InTree(code, wordStart, tree);
        var text = tree.GetText().ToString();

        var before = position - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
        if (before >= 0 && text[before] == '.')
        {
            var left = LeftOfDot(tree.GetRoot().FindToken(before));
            return left is null ? [] : MembersOf(model, left, position);
        }

        var symbols = model.LookupSymbols(position).Where(Usable).Select(s => (s.Name, Kind(s)));
        return symbols.Concat(Keywords.Select(k => (k, "keyword"))).ToList();
    }

    /// <summary>The expression or name before a '.', '?.' token.</summary>
    private static ExpressionSyntax? LeftOfDot(SyntaxToken dot) => dot.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression,
        QualifiedNameSyntax name => name.Left,
        MemberBindingExpressionSyntax binding => binding.Ancestors().OfType<ConditionalAccessExpressionSyntax>().FirstOrDefault()?.Expression,
        _ => null,
    };

    private static List<(string, string)> MembersOf(SemanticModel model, ExpressionSyntax left, int position)
    {
        var symbol = model.GetSymbolInfo(left).Symbol;
        IEnumerable<ISymbol> members = symbol switch
        {
            INamespaceSymbol ns => ns.GetMembers(),
            INamedTypeSymbol type => model.LookupStaticMembers(position, type),
            _ => model.GetTypeInfo(left).Type is { } valueType and not IErrorTypeSymbol
                ? model.LookupSymbols(position, valueType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })
                : [],
        };
        return members.Where(Usable).Select(s => (s.Name, Kind(s))).ToList();
    }

    private static bool Usable(ISymbol symbol) =>
        symbol.CanBeReferencedByName && !symbol.Name.Contains('#') && !symbol.Name.StartsWith('<') && !symbol.IsImplicitlyDeclared;

    private static string Kind(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "function",
        INamedTypeSymbol => "class",
        INamespaceSymbol => "module",
        IParameterSymbol => "param",
        _ => "instance",
    };

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';
}
