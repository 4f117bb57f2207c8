using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MnistCourse.NotebookEngine.Execution;

namespace MnistCourse.Export.Tests.Support;

/// <summary>
/// Compiles an exported app's text as the program `dotnet run` would build (top-level statements, then types), with
/// the framework only, in memory: fast proof that the transformations yield valid C#. The #! and #: lines, which only
/// the SDK reads, are blanked first so that line numbers stay.
/// </summary>
public static class AppCompiler
{
    public static IReadOnlyList<Diagnostic> Errors(string appText)
    {
        var lines = appText.Split('\n').Select(l => l.StartsWith("#:", StringComparison.Ordinal) || l.StartsWith("#!", StringComparison.Ordinal) ? "" : l);
        var tree = CSharpSyntaxTree.ParseText(string.Join('\n', lines), new CSharpParseOptions(LanguageVersion.Latest), path: "app.cs");
        var compilation = CSharpCompilation.Create("app", [tree], FrameworkReferences.Create(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Disable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    }

    public static void AssertCompiles(string appText)
    {
        var errors = Errors(appText);
        Assert.True(errors.Count == 0, "the app does not compile:\n" + string.Join("\n", errors.Take(10)) + "\n\n" + Numbered(appText));
    }

    private static string Numbered(string text) => string.Join("\n", text.Split('\n').Select((l, i) => $"{i + 1,4} {l}"));
}
