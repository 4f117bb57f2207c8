using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace MnistCourse.Kernel.Language;

/// <summary>
/// The /// documentation of a symbol as plain text (summary, parameters, returns), for inspect_request. Symbols
/// declared in cells carry their own comments; for compiled assemblies the XML file beside the dll is read
/// (the course library ships MnistCourse.xml), and for the shared framework the SDK's reference pack.
/// </summary>
public sealed class XmlDocumentation
{
    private readonly ConcurrentDictionary<string, XDocument?> _files = new(StringComparer.Ordinal);

    public string? For(ISymbol symbol, Compilation compilation)
    {
        symbol = symbol.OriginalDefinition;
        var xml = symbol.GetDocumentationCommentXml();
        var member = string.IsNullOrWhiteSpace(xml) ? null : ReadOrNull(() => XElement.Parse(xml));
        if (member is null && symbol.GetDocumentationCommentId() is { } id && symbol.ContainingAssembly is { } assembly
            && compilation.GetMetadataReference(assembly) is PortableExecutableReference { FilePath: { } path })
        {
            member = Candidates(path).Select(Load).OfType<XDocument>()
                .Select(doc => doc.Root?.Element("members")?.Elements("member").FirstOrDefault(m => (string?)m.Attribute("name") == id))
                .FirstOrDefault(m => m is not null);
        }
        return member is null ? null : Render(member);
    }

    private static IEnumerable<string> Candidates(string assemblyPath)
    {
        yield return Path.ChangeExtension(assemblyPath, ".xml");
        // The shared framework has no XML docs; the SDK's reference pack of the same version has them.
        var runtimeDirectory = RuntimeEnvironment.GetRuntimeDirectory();
        if (!assemblyPath.StartsWith(runtimeDirectory, StringComparison.Ordinal)) yield break;
        var version = new DirectoryInfo(runtimeDirectory).Name;
        // shared/Microsoft.NETCore.App/<version>/ → the dotnet root → packs/
        var packs = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        var assembly = Path.GetFileNameWithoutExtension(assemblyPath);
        // CoreLib's public types are documented under the reference assemblies that expose them.
        string[] names = assembly == "System.Private.CoreLib" ? ["System.Runtime", "System.Collections", "System.Threading"] : [assembly];
        var tfm = $"net{Environment.Version.Major}.0";
        var versions = new[] { Path.Combine(packs, version) }
            .Concat(Directory.Exists(packs) ? Directory.GetDirectories(packs).OrderDescending() : []);
        foreach (var folder in versions.Distinct())
            foreach (var name in names)
                yield return Path.Combine(folder, "ref", tfm, name + ".xml");
    }

    private XDocument? Load(string path) =>
        _files.GetOrAdd(path, p => File.Exists(p) ? ReadOrNull(() => XDocument.Load(p)) : null);

    /// <summary>Documentation that cannot be read or is not well-formed XML counts as none.</summary>
    private static T? ReadOrNull<T>(Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or System.Xml.XmlException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Render(XElement member)
    {
        var text = new StringBuilder();
        if (member.Element("summary") is { } summary) text.AppendLine(Plain(summary));
        foreach (var parameter in member.Elements("param"))
            text.AppendLine($"  {(string?)parameter.Attribute("name")}: {Plain(parameter)}");
        if (member.Element("returns") is { } returns) text.AppendLine($"Returns: {Plain(returns)}");
        if (member.Element("example") is { } example) text.AppendLine($"Example: {Plain(example)}");
        var result = text.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    /// <summary>Element text with &lt;see cref="T:A.B"/&gt; as B, &lt;paramref name="x"/&gt; as x, whitespace collapsed.</summary>
    private static string Plain(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    var target = (string?)see.Attribute("cref") ?? (string?)see.Attribute("langword") ?? (string?)see.Attribute("href") ?? see.Value;
                    text.Append(see.Value.Length > 0 ? see.Value : target.Split(':', 2).Last().Split('(')[0].Split('.').Last());
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append((string?)reference.Attribute("name"));
                    break;
                case XElement inner:
                    text.Append(Plain(inner));
                    break;
            }
        }
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
