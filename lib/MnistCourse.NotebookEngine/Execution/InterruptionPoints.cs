using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// Rewrites cell code so a kernel interrupt can stop it: every for / foreach / while / do body starts with a call to
/// <see cref="Scripting.CellInterruption.ThrowIfRequested"/>. The call is inserted on the line of the loop's opening
/// brace (never on a new line), so compile errors and stack traces keep the cell's line numbers.
/// </summary>
internal sealed class InterruptionPoints : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax Check =
        ParseStatement("global::MnistCourse.NotebookEngine.Scripting.CellInterruption.ThrowIfRequested();");

    /// <summary>The code with interruption points, or the code itself when it has no loop.</summary>
    public static string Insert(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, CSharpSession.ScriptParseOptions).GetRoot();
        var rewritten = new InterruptionPoints().Visit(root)!;
        return ReferenceEquals(rewritten, root) ? code : rewritten.ToFullString(); // a rewriter returns unchanged trees as they are
    }

    public override SyntaxNode? Visit(SyntaxNode? node) => base.Visit(node) switch
    {
        ForStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
        CommonForEachStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
        WhileStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
        DoStatementSyntax loop => loop.WithStatement(Guard(loop.Statement)),
        var other => other,
    };

    private static StatementSyntax Guard(StatementSyntax body)
    {
        if (body is BlockSyntax block) return block.WithStatements(block.Statements.Insert(0, Check));
        // `while (c) x++; // note` → `while (c){check; x++;} // note`: the body's trailing trivia (a comment, the
        // line end) goes after the new closing brace, so the brace never lands inside a comment.
        return Block(Check, body.WithoutTrailingTrivia())
            .WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken))
            .WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(body.GetTrailingTrivia()));
    }
}
