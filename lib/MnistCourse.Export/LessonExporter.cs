using System.Xml.Linq;
using MnistCourse.Export.Analysis;
using MnistCourse.Export.Reading;
using MnistCourse.Export.Writing;
using MnistCourse.NotebookFormat;

namespace MnistCourse.Export;

/// <summary>
/// Turns a lesson notebook into a .NET 10 file-based app (<c>dotnet run lesson.cs</c>): the same packages, pinned; the
/// course library; the cells' code top to bottom, markdown as comments; what the notebook displays printed as text or
/// written as files; the parameters settable from the command line. The notebook stays the source: the app is generated.
/// </summary>
public static class LessonExporter
{
    /// <summary>Where <c>./course export</c> puts a lesson's app: <c>&lt;appsFolder&gt;/&lt;lesson&gt;.cs</c>.</summary>
    public static string AppPathFor(string notebookPath, string appsFolder) =>
        Path.Combine(appsFolder, Path.GetFileNameWithoutExtension(notebookPath) + ".cs");

    /// <summary>
    /// Exports the notebook to <paramref name="appPath"/>, whose folder decides the relative paths inside the app (the
    /// library DLL, the notebook's folder, its "&lt;lesson&gt;-output" folder); the header shows paths relative to
    /// <paramref name="displayRoot"/> (default: the current directory). A malformed notebook throws
    /// <see cref="NotebookFormatException"/>; what a program cannot hold (another language, #load, …) <see cref="ExportException"/>.
    /// </summary>
    public static async Task<ExportedApp> ExportAsync(string notebookPath, string appPath, string? displayRoot = null, CancellationToken cancellationToken = default)
    {
        var source = new LessonSource(Notebook.Load(notebookPath), notebookPath);
        var warnings = source.Packages.Where(p => p.Version is null)
            .Select(p => $"{p.Id} has no version in the notebook: the app takes the newest ({p.Id}@*); pin it with #r \"nuget: {p.Id}, <version>\"")
            .Concat(CentralVersionMismatches(source))
            .ToList();
        var chain = await ScriptChain.BuildAsync(source, warnings, cancellationToken);
        var writer = new AppWriter(source, chain, NamePlan.Build(source, chain), Path.GetFullPath(appPath), Path.GetFullPath(displayRoot ?? Environment.CurrentDirectory));
        return new ExportedApp(
            source.NotebookPath, Path.GetFullPath(appPath), writer.Write(), source.Parameters, writer.Packages, warnings);
    }

    /// <summary>
    /// The app pins the notebook's own versions. Where the course also pins a package centrally (Directory.Packages.props
    /// above the notebook), the two should agree, or the library and the lesson would be built against different versions.
    /// </summary>
    private static IEnumerable<string> CentralVersionMismatches(LessonSource source)
    {
        var dir = new DirectoryInfo(source.NotebookFolder);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Packages.props"))) dir = dir.Parent;
        if (dir is null) return [];
        var props = Path.Combine(dir.FullName, "Directory.Packages.props");
        XDocument document;
        try { document = XDocument.Load(props); }
        catch (System.Xml.XmlException) { return []; }
        var central = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in document.Descendants("PackageVersion"))
            if (element.Attribute("Include")?.Value is { } id && element.Attribute("Version")?.Value is { } version)
                central[id] = version;
        return source.Packages
            .Where(p => p.Version is not null && central.TryGetValue(p.Id, out var version) && !string.Equals(version, p.Version, StringComparison.OrdinalIgnoreCase))
            .Select(p => $"the notebook loads {p.Id} {p.Version}, but {props} pins {central[p.Id]}; the app follows the notebook — make them agree");
    }
}
