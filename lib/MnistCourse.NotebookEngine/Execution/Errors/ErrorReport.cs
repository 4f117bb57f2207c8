using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MnistCourse.NotebookEngine.Execution.Errors;

/// <summary>Builds the error output of a failed cell, with a traceback that points at cells and lines, not at generated code.</summary>
internal static class ErrorReport
{
    public static ExecutionError Simple(string ename, string cellName, string message) =>
        new(ename, message, [$"{ename}: {message}", $"   at {cellName}"]);

    public static ExecutionError UnsupportedLanguage(string cellName, string language) => Simple("UnsupportedLanguage", cellName,
        $"{cellName} is in language '{language}'; the MnistCourse engine runs C# cells only (markdown cells are skipped)");

    public static ExecutionError FromDiagnostics(IReadOnlyList<Diagnostic> errors, SubmissionRegistry registry)
    {
        var lines = new List<string> { $"CompilationError: {errors.Count} error(s)" };
        foreach (var diagnostic in errors)
        {
            var span = diagnostic.Location.GetMappedLineSpan();
            var line = span.StartLinePosition.Line + 1;
            var submission = registry.ByPath(span.Path);
            var where = submission is null ? $"line {line}" : $"{submission.CellName}, line {line}, column {span.StartLinePosition.Character + 1}";
            lines.Add($"({where}): error {diagnostic.Id}: {diagnostic.GetMessage()}");
            if (submission?.Line(line) is { Length: > 0 } source) lines.Add("    " + source);
        }
        var evalue = errors.Count == 0 ? "compilation failed" : lines[1] + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "");
        return new ExecutionError("CompilationError", evalue, lines);
    }

    public static ExecutionError FromException(Exception exception, SubmissionRegistry registry, string cellName)
    {
        while (exception is TargetInvocationException { InnerException: { } inner }) exception = inner;
        var ename = exception.GetType().FullName ?? exception.GetType().Name;
        var lines = new List<string> { $"{ename}: {exception.Message}" };
        lines.AddRange(Frames(exception, registry, cellName));
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            lines.Add($" ---> {inner.GetType().FullName}: {inner.Message}");
            lines.AddRange(Frames(inner, registry, cellName));
        }
        return new ExecutionError(ename, exception.Message, lines);
    }

    /// <summary>
    /// An interrupted cell (Jupyter's interrupt, a front's cancellation): where it stopped (when known), without the
    /// cancellation plumbing's frames.
    /// </summary>
    public static ExecutionError Interrupted(Exception? exception, SubmissionRegistry registry, string cellName)
    {
        const string name = "System.OperationCanceledException", message = "The cell was interrupted.";
        List<string> frames = exception is null ? [$"   in {cellName}"] : Frames(exception, registry, cellName);
        return new ExecutionError(name, message, [$"{name}: {message}", .. frames]);
    }

    private static List<string> Frames(Exception exception, SubmissionRegistry registry, string cellName)
    {
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        var lastSubmission = Array.FindLastIndex(frames,
            frame => (registry.ByPath(frame.GetFileName()) ?? registry.ByType(frame.GetMethod()?.DeclaringType)) is not null);
        var lines = new List<string>();
        // Below the outermost cell frame there is only the scripting engine's plumbing.
        foreach (var frame in lastSubmission >= 0 ? frames[..(lastSubmission + 1)] : frames)
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (type?.Namespace is "System.Runtime.CompilerServices" or "System.Runtime.ExceptionServices" or "Internal.Runtime.CompilerHelpers") continue;
            if (type == typeof(Scripting.CellInterruption) || type == typeof(CancellationToken)) continue; // the inserted loop check
            var withLine = registry.ByPath(frame.GetFileName());
            if ((withLine ?? registry.ByType(type)) is { } submission)
            {
                var member = UserMemberName(method);
                var at = member is null ? submission.CellName : $"{member} in {submission.CellName}";
                var line = frame.GetFileLineNumber();
                lines.Add(withLine is null ? $"   at {at}" : $"   at {at}, line {line}: {submission.Line(line)}");
            }
            else if (method is not null) lines.Add($"   at {type?.FullName}.{method.Name}");
        }
        if (lines.Count == 0 || lastSubmission < 0) lines.Add($"   in {cellName}");
        return lines;
    }

    /// <summary>The user's method name for a frame in a cell, or null for the cell's top-level code.</summary>
    private static string? UserMemberName(MethodBase? method)
    {
        if (method is null) return null;
        var name = method.Name;
        var type = method.DeclaringType;
        // async/iterator state machines: the method name is in the generated type's name: <Name>d__0
        if (name == "MoveNext" && type?.Name.StartsWith('<') == true)
        {
            name = type.Name[1..type.Name.IndexOf('>')];
            type = type.DeclaringType;
        }
        if (name.Contains("<Initialize>")) return null;
        if (name.StartsWith('<'))
        {
            // local functions and lambdas: <<Initialize>>g__Square|0_0 → Square
            var bar = name.IndexOf('|');
            var g = name.IndexOf("g__", StringComparison.Ordinal);
            return g >= 0 && bar > g ? name[(g + 3)..bar] + "()" : null;
        }
        var typeName = type is null || type.Name.StartsWith("Submission#", StringComparison.Ordinal) ? "" : type.Name + ".";
        return typeName + name + "()";
    }
}
