using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MnistCourse.Export.Analysis;
using MnistCourse.Export.Reading;
using MnistCourse.NotebookEngine.Execution;

namespace MnistCourse.Export.Writing;

/// <summary>A code cell as it goes into the program: its statements, the usings to hoist and the types to move to the end.</summary>
internal sealed record WrittenCell(string Statements, IReadOnlyList<string> Usings, IReadOnlyList<string> Types);

/// <summary>
/// Rewrites one code cell for the program, with edits on its own text (formatting and comments kept):
/// names from the <see cref="NamePlan"/>; redeclarations turned into assignments; usings and <c>#r</c> lines taken out
/// (usings go to the top of the file); type declarations moved after the statements; script members made local
/// (a top-level method becomes a local function, a field a local variable, initialised to its default as in a script);
/// <c>const</c> dropped from parameters so the command line can set them; and the trailing expression, the cell's
/// shown result in a notebook, passed to <c>NotebookOutput.Show</c>.
/// </summary>
internal static class CellWriter
{
    public static WrittenCell Write(LessonCell cell, ScriptChain chain, NamePlan plan)
    {
        var root = cell.Root;
        var model = chain.Model(cell);
        var text = cell.Text;
        var edits = new TextEdits();
        Rename(cell, model, plan, edits);

        var usings = root.Usings.Select(u => u.WithoutTrivia().NormalizeWhitespace().ToFullString()).ToList();
        var regions = root.Usings.Select(u => (TextSpan.FromBounds(u.SpanStart, u.FullSpan.End), "")).ToList();
        foreach (var trivia in root.DescendantTrivia())
            if (trivia.IsKind(SyntaxKind.ReferenceDirectiveTrivia))
                regions.Add((trivia.FullSpan, "")); // the reference itself becomes a #: directive of the app

        var typeSpans = new List<TextSpan>();
        foreach (var member in root.Members)
        {
            switch (member)
            {
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                {
                    var span = TypeSpan(member);
                    typeSpans.Add(span);
                    var name = plan.NameOf(model.GetDeclaredSymbol(member)) ?? NamePlan.DeclaredIdentifier(member)?.ValueText;
                    regions.Add((span, $"// {Keyword(member)} {name}: declared after the lesson's statements, at the end of this file\n"));
                    break;
                }
                case MethodDeclarationSyntax method:
                    DropModifiers(edits, method.Modifiers, keep: [SyntaxKind.StaticKeyword, SyntaxKind.AsyncKeyword, SyntaxKind.UnsafeKeyword]);
                    break;
                case FieldDeclarationSyntax field:
                    // A program's top-level variables have no modifiers but const; parameters lose const too (the command line sets them).
                    DropModifiers(edits, field.Modifiers, keep: cell.IsParameters ? [] : [SyntaxKind.ConstKeyword]);
                    if (plan.IsAssignment(field)) ToAssignment(edits, field.Declaration, field.SpanStart);
                    else DefaultInitialize(edits, field.Declaration, model);
                    break;
                case GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local }:
                    if (cell.IsParameters) DropModifiers(edits, local.Modifiers, keep: []); // const: the command line sets parameters
                    if (plan.IsAssignment(local)) ToAssignment(edits, local.Declaration, local.SpanStart);
                    else DefaultInitialize(edits, local.Declaration, model);
                    break;
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: var left } } statement }
                    when plan.IsAssignment(statement):
                    foreach (var declaration in left.DescendantNodesAndSelf().OfType<DeclarationExpressionSyntax>()
                                 .Where(d => !d.Ancestors().OfType<DeclarationExpressionSyntax>().Any()))
                        edits.Delete(declaration.Type.SpanStart, declaration.Designation.SpanStart); // var (a, b) = … → (a, b) = …
                    break;
            }
        }

        if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax trailing } && trailing.SemicolonToken.IsMissing)
        {
            var shown = TrailingExpression.HasValue(model.Compilation);
            if (shown) edits.Insert(trailing.Expression.SpanStart, "NotebookOutput.Show(");
            edits.Insert(trailing.Expression.Span.End, shown ? ");" : ";");
        }

        var statements = Tidy(edits.Apply(text, new TextSpan(0, text.Length), regions));
        return new WrittenCell(statements, usings, typeSpans.Select(span => Tidy(edits.Apply(text, span))).ToList());
    }

    /// <summary>Every name that binds to a declaration the plan renames, and the declarations themselves.</summary>
    private static void Rename(LessonCell cell, SemanticModel model, NamePlan plan, TextEdits edits)
    {
        foreach (var node in cell.Root.DescendantNodes())
        {
            if (node is SimpleNameSyntax name)
            {
                if (name.IsVar) continue;
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                var original = name.Identifier.ValueText;
                string? renamed;
                if (symbol is not null)
                {
                    if (symbol.Name != original && symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor }) continue; // an alias, or var
                    renamed = plan.NameOf(symbol);
                }
                else
                {
                    // Unbound (the cell does not compile here): a plain name may still mean a renamed top-level variable.
                    var isMemberName = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                                       || name.Parent is MemberBindingExpressionSyntax
                                       || name.Parent is QualifiedNameSyntax qualified && qualified.Right == name;
                    renamed = isMemberName ? null : plan.NameAtStartOf(cell, original);
                }
                if (renamed is not null && renamed != original) edits.Replace(name.Identifier.Span, renamed);
                continue;
            }

            if (NamePlan.DeclaredIdentifier(node) is { } identifier)
            {
                var renamed = plan.NameOf(model.GetDeclaredSymbol(node));
                if (renamed is not null && renamed != identifier.ValueText) edits.Replace(identifier.Span, renamed);
            }
        }
    }

    /// <summary><c>T a = 1, b = 2;</c> → <c>a = 1; b = 2;</c> (and <c>T c;</c> → <c>c = default;</c>, as a script would have it).</summary>
    private static void ToAssignment(TextEdits edits, VariableDeclarationSyntax declaration, int statementStart)
    {
        edits.Delete(statementStart, declaration.Variables[0].SpanStart);
        foreach (var variable in declaration.Variables)
            if (variable.Initializer is null) edits.Insert(variable.Identifier.Span.End, " = default");
        foreach (var separator in declaration.Variables.GetSeparators())
            edits.Replace(separator.Span, ";");
    }

    /// <summary>A script's top-level variable starts as its type's default; a program's local must be assigned first.</summary>
    private static void DefaultInitialize(TextEdits edits, VariableDeclarationSyntax declaration, SemanticModel model)
    {
        foreach (var variable in declaration.Variables)
            if (variable.Initializer is null && NamePlan.IsScriptField(model.GetDeclaredSymbol(variable)))
                edits.Insert(variable.Identifier.Span.End, " = default");
    }

    private static void DropModifiers(TextEdits edits, SyntaxTokenList modifiers, SyntaxKind[] keep)
    {
        foreach (var modifier in modifiers)
            if (!keep.Contains(modifier.Kind())) edits.Delete(modifier.SpanStart, modifier.FullSpan.End);
    }

    /// <summary>A type's span with its comments (leading trivia), but not the blank lines of directives before them.</summary>
    private static TextSpan TypeSpan(MemberDeclarationSyntax member)
    {
        var start = member.FullSpan.Start;
        foreach (var trivia in member.GetLeadingTrivia())
            if (trivia.IsDirective || trivia.HasStructure) start = trivia.FullSpan.End;
        return TextSpan.FromBounds(start, member.FullSpan.End);
    }

    private static string Keyword(MemberDeclarationSyntax member) => member switch
    {
        RecordDeclarationSyntax { ClassOrStructKeyword.RawKind: (int)SyntaxKind.StructKeyword } => "record struct",
        TypeDeclarationSyntax type => type.Keyword.ValueText,
        EnumDeclarationSyntax => "enum",
        _ => "delegate",
    };

    /// <summary>No blank lines at either end (where directive lines and usings were); the rest exactly as written.</summary>
    internal static string Tidy(string code)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n').ToList();
        while (lines.Count > 0 && lines[0].Trim().Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Trim().Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Join("\n", lines).TrimEnd();
    }
}
