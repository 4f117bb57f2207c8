using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MnistCourse.Notebooks.Engine;

namespace MnistCourse.Kernel.Language;

/// <summary>
/// is_complete_request (used by console fronts to decide whether Enter runs the code or adds a line): Roslyn's own
/// test for a complete script submission; an open block gets one more level of indent.
/// </summary>
public static class CompletenessCheck
{
    public static JsonObject Reply(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(CellDirectives.Parse(code).Code, CSharpSession.ScriptParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
            return new JsonObject { ["status"] = "incomplete", ["indent"] = Indent(code) };
        var broken = tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return new JsonObject { ["status"] = broken ? "invalid" : "complete" };
    }

    private static string Indent(string code)
    {
        var last = code.TrimEnd().Split('\n').LastOrDefault(l => l.Trim().Length > 0) ?? "";
        var indent = last[..(last.Length - last.TrimStart().Length)];
        return last.TrimEnd().EndsWith('{') || last.TrimEnd().EndsWith('(') ? indent + "    " : indent;
    }
}
