using System.Text;
using System.Text.RegularExpressions;
using MnistCourse.Notebooks.Format;

namespace MnistCourse.Notebooks.Engine;

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

    [GeneratedRegex("""^\s*#i\s+"\s*nuget\s*:\s*(?<source>[^"]+?)\s*"\s*(//.*)?$""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetSource();

    public static CellDirectives Parse(string source)
    {
        var lines = SplitKeepingEndings(source);
        var code = new StringBuilder(source.Length);
        var directives = new CellDirectives();
        for (var i = 0; i < lines.Count; i++)
        {
            var (text, ending) = lines[i];
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal))
            {
                directives.ReadMagic(trimmed, i + 1);
                code.Append(ending);
                continue;
            }
            if (trimmed.StartsWith("#r", StringComparison.Ordinal) && trimmed.Contains("nuget", StringComparison.OrdinalIgnoreCase)
                && Regex.IsMatch(trimmed, """^#r\s+"\s*nuget\s*:""", RegexOptions.IgnoreCase))
            {
                var match = NuGetReference().Match(trimmed);
                if (match.Success)
                {
                    var version = match.Groups["version"].Value.Trim();
                    directives.Packages.Add(new PackageRequest(match.Groups["id"].Value, version.Length == 0 ? null : version));
                }
                else
                {
                    directives.Problems.Add((i + 1, $"malformed package reference {trimmed}; expected #r \"nuget: PackageId, Version\""));
                }
                code.Append(ending);
                continue;
            }
            if (trimmed.StartsWith("#i", StringComparison.Ordinal) && (trimmed.Length == 2 || char.IsWhiteSpace(trimmed[2])))
            {
                var match = NuGetSource().Match(trimmed);
                if (match.Success) directives.Sources.Add(match.Groups["source"].Value);
                else directives.Problems.Add((i + 1, $"unsupported #i directive {trimmed}; only #i \"nuget: <package source>\" is supported"));
                code.Append(ending);
                continue;
            }
            code.Append(text).Append(ending);
        }
        directives.Code = code.ToString();
        return directives;
    }

    private void ReadMagic(string trimmed, int line)
    {
        if (CellLanguage.TryParseMagic(trimmed, out var language))
        {
            if (language != CellLanguage.CSharp) ForeignLanguage ??= language;
            return;
        }
        var word = trimmed[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        if (word == "time") Time = true;
        else Problems.Add((line, $"magic command #!{word} is not supported by the MnistCourse engine (supported: #!csharp, #!markdown, #!time)"));
    }

    private static List<(string Text, string Ending)> SplitKeepingEndings(string source)
    {
        var result = new List<(string, string)>();
        var start = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] != '\n') continue;
            var end = i > start && source[i - 1] == '\r' ? i - 1 : i;
            result.Add((source[start..end], source[end..(i + 1)]));
            start = i + 1;
        }
        if (start < source.Length) result.Add((source[start..], ""));
        return result;
    }
}
