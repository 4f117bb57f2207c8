using System.Text.Json.Nodes;

namespace MnistCourse.NotebookFormat;

/// <summary>
/// Which language a cell is in, decided the way Polyglot Notebooks decides it: a first-line magic such as
/// <c>#!csharp</c> or <c>#!markdown</c> wins; then the cell's Polyglot metadata; then the notebook's default kernel; else C#.
/// Names are normalised: "csharp", "fsharp", "pwsh", "markdown", "raw", or the kernel name as written for others.
/// </summary>
public static class CellLanguage
{
    public const string CSharp = "csharp";
    public const string Markdown = "markdown";

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["csharp"] = CSharp, ["c#"] = CSharp, [".net-csharp"] = CSharp, ["cs"] = CSharp,
        ["fsharp"] = "fsharp", ["f#"] = "fsharp", [".net-fsharp"] = "fsharp",
        ["pwsh"] = "pwsh", ["powershell"] = "pwsh", [".net-pwsh"] = "pwsh",
        ["markdown"] = Markdown, ["md"] = Markdown,
        ["javascript"] = "javascript", ["js"] = "javascript",
        ["html"] = "html", ["mermaid"] = "mermaid", ["sql"] = "sql", ["kql"] = "kql", ["value"] = "value",
        ["http"] = "http", ["python"] = "python", ["r"] = "r",
    };

    /// <summary>Language magics recognised on a cell's first line (other <c>#!</c> magics, like <c>#!time</c>, are not languages).</summary>
    public static bool TryParseMagic(string firstLine, out string language)
    {
        language = MagicWord(firstLine) is { } word ? Aliases.GetValueOrDefault(word, "") : "";
        return language.Length > 0;
    }

    /// <summary>The word after <c>#!</c> on a magic line ("" for a bare <c>#!</c>); null for any other line.</summary>
    public static string? MagicWord(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith("#!", StringComparison.Ordinal)) return null;
        return trimmed[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
    }

    private static string Normalize(string kernelOrLanguage) =>
        Aliases.TryGetValue(kernelOrLanguage.Trim(), out var name) ? name : kernelOrLanguage.Trim().ToLowerInvariant();

    public static string Resolve(Notebook notebook, NotebookCell cell)
    {
        if (cell.Type != CellType.Code) return cell.Type == CellType.Markdown ? Markdown : "raw";
        if (TryParseMagic(cell.Source.Split('\n', 2)[0], out var magic)) return magic;

        var metadata = cell.Json["metadata"] as JsonObject;
        if (ReadString(metadata?["polyglot_notebook"]?["kernelName"]) is { } kernel) return Normalize(kernel);
        if (ReadString(metadata?["dotnet_interactive"]?["language"]) is { } language) return Normalize(language);

        // The notebook's default: Polyglot's defaultKernelName, else the kernelspec language, else C#.
        var notebookMetadata = notebook.Metadata;
        if (ReadString(notebookMetadata["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"]) is { } defaultKernel) return Normalize(defaultKernel);
        if (ReadString(notebookMetadata["kernelspec"]?["language"]) is { } notebookLanguage && Aliases.ContainsKey(notebookLanguage))
            return Normalize(notebookLanguage);
        return CSharp;
    }

    private static string? ReadString(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
