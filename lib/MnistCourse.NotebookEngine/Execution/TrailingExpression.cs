using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// Whether a submission ends with an expression that has a value (no ';' after it, and not of type void):
/// only then is there an execute_result, even when the value is null.
/// </summary>
public static class TrailingExpression
{
    public static bool HasValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree?.GetRoot() is not CompilationUnitSyntax { Members: [.., GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }] }
            || !statement.SemicolonToken.IsMissing) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is null || type.SpecialType != SpecialType.System_Void;
    }
}
