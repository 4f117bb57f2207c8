using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MnistCourse.Notebooks.Format;

namespace MnistCourse.Notebooks.Running;

/// <summary>
/// The papermill convention: the cell tagged "parameters" holds the defaults, as plain C# declarations
/// (<c>int epochs = 3;</c>). Its declarations are read with Roslyn; for <c>var</c>, the type comes from the literal.
/// </summary>
public static class ParametersCell
{
    public const string Tag = "parameters";
    public const string InjectedTag = "injected-parameters";

    public static NotebookCell? Find(Notebook notebook) =>
        notebook.Cells.FirstOrDefault(c => c.Type == CellType.Code && c.HasTag(Tag));

    public static IReadOnlyList<ParameterDeclaration> Declarations(NotebookCell cell)
    {
        var tree = CSharpSyntaxTree.ParseText(cell.Source, new CSharpParseOptions(LanguageVersion.Preview, kind: SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var declarations = new List<ParameterDeclaration>();
        foreach (var member in root.Members)
        {
            var declaration = member switch
            {
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                FieldDeclarationSyntax field => field.Declaration,
                _ => null,
            };
            if (declaration is null) continue;
            foreach (var variable in declaration.Variables)
            {
                var value = variable.Initializer?.Value;
                var type = declaration.Type.IsVar ? InferType(value) : declaration.Type.ToString();
                declarations.Add(new ParameterDeclaration(variable.Identifier.ValueText, type, value?.ToString() ?? "default"));
            }
        }
        return declarations;
    }

    /// <summary>The type of a literal default written with <c>var</c>; "var" when it is not a plain literal.</summary>
    private static string InferType(ExpressionSyntax? value)
    {
        if (value is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } negative) value = negative.Operand;
        if (value is not LiteralExpressionSyntax literal) return "var";
        return literal.Kind() switch
        {
            SyntaxKind.StringLiteralExpression => "string",
            SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression => "bool",
            SyntaxKind.CharacterLiteralExpression => "char",
            SyntaxKind.NumericLiteralExpression => literal.Token.Value switch
            {
                int => "int",
                long => "long",
                uint => "uint",
                ulong => "ulong",
                float => "float",
                decimal => "decimal",
                _ => "double",
            },
            _ => "var",
        };
    }
}
