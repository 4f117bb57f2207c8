using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive.Formatting;
using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel.Language;

/// <summary>
/// inspect_request (Shift+Tab, contextual help): what the name at the cursor is — its signature from Roslyn, its
/// /// documentation when there is any, and for a variable of an earlier cell its current value.
/// </summary>
public sealed class InspectionProvider(CSharpSession session)
{
    private const int MaxValueLength = 2000;

    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeDefaultValue);

    private readonly XmlDocumentation _documentation = new();

    public JsonObject Reply(string code, int cursorCodePoints)
    {
        string? text = null;
        try
        {
            text = Describe(code, CellPosition.ToUtf16(code, cursorCodePoints));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Hosting.KernelLog.Warn($"inspection failed: {e.Message}");
        }
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    private string? Describe(string code, int cursor)
    {
        var compilation = session.PreviewCompilation(code);
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var position = CellPosition.InTree(code, cursor, tree);
        var root = tree.GetRoot();

        // The identifier the cursor is in or just after; else the call whose parentheses it is in.
        var token = root.FindToken(Math.Min(position, Math.Max(0, root.FullSpan.End - 1)));
        if (!token.IsKind(SyntaxKind.IdentifierToken) && position > 0)
        {
            var previous = root.FindToken(position - 1);
            if (previous.IsKind(SyntaxKind.IdentifierToken)) token = previous;
        }
        ISymbol? symbol = null;
        for (var node = token.Parent; node is not null && symbol is null; node = node.Parent)
        {
            var info = model.GetSymbolInfo(node);
            symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (node is StatementSyntax or MemberDeclarationSyntax) break;
        }
        if (symbol is null) return null;

        var text = new StringBuilder();
        text.AppendLine($"{Kind(symbol)} {symbol.ToDisplayString(Signature)}");
        if (_documentation.For(symbol, compilation) is { } docs) text.AppendLine(docs);
        // A variable of an earlier cell (a field of its script class): show what it holds now.
        if (symbol is IFieldSymbol { ContainingType.IsScriptClass: true } && session.TryGetVariable(symbol.Name, out var value))
        {
            var shown = Formatter.ToDisplayString(value, "text/plain");
            if (shown.Length > MaxValueLength) shown = shown[..MaxValueLength] + "…";
            text.AppendLine($"value: {shown}");
        }
        return text.ToString().TrimEnd();
    }

    private static string Kind(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } => "(constructor)",
        IMethodSymbol { IsExtensionMethod: true } or IMethodSymbol { MethodKind: MethodKind.ReducedExtension } => "(extension)",
        IMethodSymbol => "(method)",
        IPropertySymbol => "(property)",
        IFieldSymbol { ContainingType.IsScriptClass: true } => "(variable)",
        IFieldSymbol => "(field)",
        ILocalSymbol => "(local)",
        IParameterSymbol => "(parameter)",
        INamespaceSymbol => "(namespace)",
        INamedTypeSymbol type => $"({type.TypeKind.ToString().ToLowerInvariant()})",
        _ => $"({symbol.Kind.ToString().ToLowerInvariant()})",
    };
}
