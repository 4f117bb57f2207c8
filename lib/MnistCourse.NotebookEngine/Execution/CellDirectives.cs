using System.Text.RegularExpressions;
using MnistCourse.NotebookFormat;

namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// The Polyglot directives of one cell, taken out of its code before Roslyn sees it: <c>#r "nuget: Id, Version"</c>,
/// <c>#i "nuget: source"</c>, language magics (<c>#!csharp</c>) and <c>#!time</c>.
/// Directive lines are blanked rather than removed, so line numbers in diagnostics still match the cell.
/// <c>#r "path.dll"</c> stays in the code: Roslyn resolves it against the notebook folder.
/// </summary>
public sealed partial class CellDirectives
{
    /// <summary>The code with directive lines blanked (same number of lines).</summary>
    public string Code { get; private set; } = "";

    public List<PackageRequest> Packages { get; } = [];

    /// <summary>Extra package sources (<c>#i "nuget: ..."</c>): URLs or folders.</summary>
    public List<string> Sources { get; } = [];

    /// <summary>The cell asked for its wall time (<c>#!time</c>).</summary>
    public bool Time { get; private set; }

    /// <summary>A language magic for another kernel (e.g. "fsharp"), when the cell is not C#.</summary>
    public string? ForeignLanguage { get; private set; }

    /// <summary>Directives that are malformed or not supported, with the cell line (1-based).</summary>
    public List<(int Line, string Message)> Problems { get; } = [];

    [GeneratedRegex("""^\s*#r\s+"\s*nuget\s*:\s*(?<id>[^,"\s]+)\s*(,\s*(?<version>[^"]*?))?\s*"\s*(//.*)?$""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^#r\s+"\s*nuget\s*:""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetDirective();

    [GeneratedRegex("""^\s*#i\s+"\s*nuget\s*:\s*(?<source>[^"]+?)\s*"\s*(//.*)?$""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetSource();

    public static CellDirectives Parse(string source)
    {
        var directives = new CellDirectives();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
            if (directives.Read(lines[i].Trim(), i + 1)) lines[i] = lines[i].EndsWith('\r') ? "\r" : "";
        directives.Code = string.Join('\n', lines);
        return directives;
    }

    /// <summary>Takes in <paramref name="line"/> (trimmed) when it is a directive; false for a line of code.</summary>
    private bool Read(string line, int number)
    {
        if (CellLanguage.MagicWord(line) is { } word)
        {
            if (CellLanguage.TryParseMagic(line, out var language))
            {
                if (language != CellLanguage.CSharp) ForeignLanguage ??= language;
            }
            else if (word == "time") Time = true;
            else Problems.Add((number, $"magic command #!{word} is not supported by the MnistCourse engine (supported: #!csharp, #!markdown, #!time)"));
        }
        else if (line.StartsWith("#r", StringComparison.Ordinal) && NuGetDirective().IsMatch(line))
        {
            var match = NuGetReference().Match(line);
            var version = match.Groups["version"].Value.Trim();
            if (match.Success) Packages.Add(new PackageRequest(match.Groups["id"].Value, version.Length == 0 ? null : version));
            else Problems.Add((number, $"malformed package reference {line}; expected #r \"nuget: PackageId, Version\""));
        }
        else if (line.StartsWith("#i", StringComparison.Ordinal) && (line.Length == 2 || char.IsWhiteSpace(line[2])))
        {
            var match = NuGetSource().Match(line);
            if (match.Success) Sources.Add(match.Groups["source"].Value);
            else Problems.Add((number, $"unsupported #i directive {line}; only #i \"nuget: <package source>\" is supported"));
        }
        else return false;
        return true;
    }
}

/// <summary>A <c>#r "nuget: Id, Version"</c> request; a null version means the newest stable one.</summary>
public sealed record PackageRequest(string Id, string? Version)
{
    public override string ToString() => Version is null ? Id : $"{Id} {Version}";
}
