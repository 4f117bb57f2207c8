using System.Collections.Concurrent;

namespace MnistCourse.NotebookEngine.Execution.Errors;

/// <summary>
/// Each submission is compiled under its own pseudo file path; this remembers which cell (and which source lines)
/// a path stands for, so compile diagnostics and stack frames can be reported as "cell 4, line 2".
/// </summary>
internal sealed class SubmissionRegistry
{
    private readonly ConcurrentDictionary<string, Submission> _byPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Submission> _byTypeName = new(StringComparer.Ordinal);

    /// <summary><paramref name="className"/>: the submission's class, as its compilation names it ("Submission#7": Roslyn
    /// numbers every compilation of the session, so not the cell's place in the chain).</summary>
    public void Add(string path, string className, string cellName, string source)
    {
        var submission = new Submission(cellName, source.Replace("\r\n", "\n").Split('\n'));
        _byPath[path] = submission;
        _byTypeName[className] = submission;
    }

    public Submission? ByPath(string? path) => path is not null && _byPath.TryGetValue(path, out var submission) ? submission : null;

    /// <summary>For frames without line information: the cell whose generated class declares <paramref name="type"/>.</summary>
    public Submission? ByType(Type? type)
    {
        for (; type is not null; type = type.DeclaringType)
            if (_byTypeName.TryGetValue(type.Name, out var submission)) return submission;
        return null;
    }

    internal sealed record Submission(string CellName, string[] Lines)
    {
        public string Line(int oneBased) => oneBased >= 1 && oneBased <= Lines.Length ? Lines[oneBased - 1].Trim() : "";
    }
}
