using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MnistCourse.NotebookEngine.Execution;
using MnistCourse.NotebookFormat;

namespace MnistCourse.NotebookEngine.Running;

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

    public static IReadOnlyList<ParameterDeclaration> Declarations(NotebookCell cell) =>
        ((CompilationUnitSyntax)CSharpSyntaxTree.ParseText(cell.Source, CSharpSession.ScriptParseOptions).GetRoot()).Members
            .Select(member => member switch
            {
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                FieldDeclarationSyntax field => field.Declaration,
                _ => null,
            })
            .OfType<VariableDeclarationSyntax>()
            .SelectMany(declaration => declaration.Variables.Select(variable => new ParameterDeclaration(
                variable.Identifier.ValueText,
                declaration.Type.IsVar ? InferType(variable.Initializer?.Value) : declaration.Type.ToString(),
                variable.Initializer?.Value.ToString() ?? "default")))
            .ToList();

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

/// <summary>A <c>type name = value;</c> declaration found in the parameters cell.</summary>
public sealed record ParameterDeclaration(string Name, string TypeName, string DefaultExpression);
