using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Microsoft.DotNet.Interactive.Formatting;
using MnistCourse.Kernel.Hosting;
using MnistCourse.Kernel.Messaging;
using MnistCourse.NotebookEngine.Execution;

namespace MnistCourse.Kernel.Language;

/// <summary>
/// kernel_info_request, and complete_request, inspect_request and is_complete_request from Roslyn, the cheap way (no
/// workspace, no Features package): the cell is compiled as the next submission, so earlier cells' variables, usings and #r packages are
/// known. Jupyter counts cursor positions in Unicode code points (protocol 5.2+), .NET strings in UTF-16 units; and the
/// engine analyses the cell with its directive lines blanked, so an offset in the cell is mapped through (line, column)
/// onto the analysed tree.
/// </summary>
public sealed class LanguageServices(CSharpSession session)
{
    public const string LanguageName = "C#";
    private const int MaxMatches = 1000;
    private const int MaxValueLength = 2000;

    private static readonly string[] Keywords = SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText).Where(k => k.Length > 0 && char.IsLetter(k[0])).Distinct().ToArray();

    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType)
        .AddParameterOptions(SymbolDisplayParameterOptions.IncludeDefaultValue);

    private readonly XmlDocumentation _documentation = new();

    /// <summary>
    /// The kernel_info_reply: protocol version, implementation, and the language as the Polyglot C# kernel describes
    /// it (name "C#", text/x-csharp, .cs), so fronts highlight and save cells the same way with either kernel.
    /// </summary>
    public static JsonObject KernelInfo()
    {
        var version = typeof(LanguageServices).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0] ?? "1.0.0";
        return new JsonObject
        {
            ["status"] = "ok",
            ["protocol_version"] = JupyterMessage.ProtocolVersion,
            ["implementation"] = "mnistcourse-csharp",
            ["implementation_version"] = version,
            ["language_info"] = new JsonObject
            {
                ["name"] = LanguageName,
                ["version"] = "14.0",
                ["mimetype"] = "text/x-csharp",
                ["file_extension"] = ".cs",
                ["pygments_lexer"] = "csharp",
                ["codemirror_mode"] = "text/x-csharp",
            },
            ["banner"] = $"C# (MnistCourse) {version}: the course's notebook engine (Roslyn scripting) on .NET {Environment.Version}",
            ["help_links"] = new JsonArray(
                new JsonObject { ["text"] = "C# documentation", ["url"] = "https://learn.microsoft.com/dotnet/csharp/" },
                new JsonObject { ["text"] = "TorchSharp", ["url"] = "https://github.com/dotnet/TorchSharp" }),
            ["debugger"] = false,
        };
    }

    /// <summary>
    /// Completion: after a dot, the members of what is left of the dot (instance members and extension methods of a
    /// value, static members of a type, types and namespaces of a namespace); elsewhere every symbol in scope plus the
    /// C# keywords.
    /// </summary>
    public JsonObject Complete(string code, int cursorCodePoints)
    {
        var cursor = ToUtf16(code, cursorCodePoints);
        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_')) start--;
        var prefix = code[start..cursor];
        var matches = Safely("completion", () => Candidates(code, start), [])
            .Where(c => c.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(c => c.Name)
            .OrderBy(c => c.Name.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .Take(MaxMatches)
            .ToList();
        int startCodePoints = ToCodePoints(code, start), endCodePoints = ToCodePoints(code, cursor);
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

    /// <summary>
    /// Inspection (Shift+Tab, contextual help): what the name at the cursor is — its signature, its /// documentation
    /// when there is any, and for a variable of an earlier cell its current value.
    /// </summary>
    public JsonObject Inspect(string code, int cursorCodePoints)
    {
        var text = Safely("inspection", () => Describe(code, ToUtf16(code, cursorCodePoints)), null);
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    /// <summary>
    /// is_complete (console fronts: does Enter run the code or add a line?): Roslyn's own test for a complete script
    /// submission; an open block gets one more level of indent.
    /// </summary>
    public static JsonObject IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(CellDirectives.Parse(code).Code, CSharpSession.ScriptParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            var last = code.TrimEnd().Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.TrimEnd() ?? "";
            var indent = last[..(last.Length - last.TrimStart().Length)];
            return new JsonObject { ["status"] = "incomplete", ["indent"] = last.EndsWith('{') || last.EndsWith('(') ? indent + "    " : indent };
        }
        var broken = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new JsonObject { ["status"] = broken ? "invalid" : "complete" };
    }

    private List<(string Name, string Type)> Candidates(string code, int wordStart)
    {
        var (_, tree, model, position) = Analyse(code, wordStart);
        var text = tree.GetText().ToString();
        var before = position - 1;
        while (before >= 0 && char.IsWhiteSpace(text[before])) before--;
        if (before >= 0 && text[before] == '.')
        {
            var left = LeftOfDot(tree.GetRoot().FindToken(before));
            return left is null ? [] : MembersOf(model, left, position);
        }
        var symbols = model.LookupSymbols(position).Where(Usable).Select(s => (s.Name, CompletionType(s)));
        return symbols.Concat(Keywords.Select(k => (k, "keyword"))).ToList();
    }

    private static ExpressionSyntax? LeftOfDot(SyntaxToken dot) => dot.Parent switch
    {
        MemberAccessExpressionSyntax access => access.Expression,
        QualifiedNameSyntax name => name.Left,
        MemberBindingExpressionSyntax binding => binding.Ancestors().OfType<ConditionalAccessExpressionSyntax>().FirstOrDefault()?.Expression,
        _ => null,
    };

    private static List<(string, string)> MembersOf(SemanticModel model, ExpressionSyntax left, int position)
    {
        IEnumerable<ISymbol> members = model.GetSymbolInfo(left).Symbol switch
        {
            INamespaceSymbol ns => ns.GetMembers(),
            INamedTypeSymbol type => model.LookupStaticMembers(position, type),
            _ => model.GetTypeInfo(left).Type is { } valueType and not IErrorTypeSymbol
                ? model.LookupSymbols(position, valueType, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension })
                : [],
        };
        return members.Where(Usable).Select(s => (s.Name, CompletionType(s))).ToList();
    }

    private static bool Usable(ISymbol symbol) =>
        symbol.CanBeReferencedByName && !symbol.Name.Contains('#') && !symbol.Name.StartsWith('<') && !symbol.IsImplicitlyDeclared;

    private static string CompletionType(ISymbol symbol) => symbol switch
    {
        IMethodSymbol => "function",
        INamedTypeSymbol => "class",
        INamespaceSymbol => "module",
        IParameterSymbol => "param",
        _ => "instance",
    };

    private string? Describe(string code, int cursor)
    {
        var (compilation, tree, model, position) = Analyse(code, cursor);
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
        text.AppendLine($"{InspectionKind(symbol)} {symbol.ToDisplayString(Signature)}");
        if (_documentation.For(symbol, compilation) is { } docs) text.AppendLine(docs);
        // A variable of an earlier cell (a field of its script class): show what it holds now.
        if (symbol is IFieldSymbol { ContainingType.IsScriptClass: true } && session.TryGetVariable(symbol.Name, out var value))
        {
            var shown = Formatter.ToDisplayString(value, "text/plain");
            text.AppendLine($"value: {(shown.Length > MaxValueLength ? shown[..MaxValueLength] + "…" : shown)}");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>"(method)", "(property)", "(local)", …: the symbol's kind, except where C# names it otherwise.</summary>
    private static string InspectionKind(ISymbol symbol) => "(" + symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } => "constructor",
        IMethodSymbol { IsExtensionMethod: true } or IMethodSymbol { MethodKind: MethodKind.ReducedExtension } => "extension",
        IFieldSymbol { ContainingType.IsScriptClass: true } => "variable",
        INamedTypeSymbol type => type.TypeKind.ToString().ToLowerInvariant(),
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    } + ")";

    /// <summary>The cell compiled as the next submission, and where UTF-16 offset <paramref name="offset"/> of the cell falls in its tree.</summary>
    private (Compilation Compilation, SyntaxTree Tree, SemanticModel Model, int Position) Analyse(string code, int offset)
    {
        var compilation = session.PreviewCompilation(code);
        var tree = compilation.SyntaxTrees.Last();
        var where = SourceText.From(code).Lines.GetLinePosition(Math.Clamp(offset, 0, code.Length));
        var lines = tree.GetText().Lines;
        var position = where.Line >= lines.Count ? tree.Length : lines[where.Line].Start + Math.Min(where.Character, lines[where.Line].Span.Length);
        return (compilation, tree, compilation.GetSemanticModel(tree), position);
    }

    private static int ToUtf16(string text, int codePoints) =>
        text.EnumerateRunes().Take(Math.Max(codePoints, 0)).Sum(rune => rune.Utf16SequenceLength);

    private static int ToCodePoints(string text, int index) => text[..Math.Clamp(index, 0, text.Length)].EnumerateRunes().Count();

    /// <summary>A failing analysis must not leave the front without its reply: it gets <paramref name="fallback"/>.</summary>
    private static T Safely<T>(string what, Func<T> analyse, T fallback)
    {
        try
        {
            return analyse();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            KernelLog.Warn($"{what} failed: {e.Message}");
            return fallback;
        }
    }
}
