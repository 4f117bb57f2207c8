using System.Xml.Linq;
using MnistCourse.Export.Analysis;
using MnistCourse.Export.Reading;
using MnistCourse.Export.Writing;
using MnistCourse.Notebooks.Format;

namespace MnistCourse.Export;

/// <summary>
/// Turns a lesson notebook into a .NET 10 file-based app (<c>dotnet run lesson.cs</c>): the same packages, pinned; the
/// course library; the cells' code top to bottom, markdown as comments; what the notebook displays printed as text or
/// written as files; the parameters settable from the command line. The notebook stays the source: the app is generated.
/// </summary>
/// <example><code>
/// var app = await LessonExporter.ExportAsync("notebooks/02-keras-convnet.ipynb", new ExportOptions { AppPath = "artifacts/apps/02-keras-convnet.cs" });
/// app.Write();
/// </code></example>
public static class LessonExporter
{
    /// <summary>Where <c>./course export</c> puts a lesson's app: <c>&lt;appsFolder&gt;/&lt;lesson&gt;.cs</c>.</summary>
    public static string AppPathFor(string notebookPath, string appsFolder) =>
        Path.Combine(appsFolder, Path.GetFileNameWithoutExtension(notebookPath) + ".cs");

    /// <summary>Reads the notebook (a malformed one throws <see cref="NotebookFormatException"/>) and exports it.</summary>
    public static Task<ExportedApp> ExportAsync(string notebookPath, ExportOptions options, CancellationToken cancellationToken = default) =>
        ExportAsync(Notebook.Load(notebookPath), notebookPath, options, cancellationToken);

    /// <summary>
    /// Exports <paramref name="notebook"/>, read from <paramref name="notebookPath"/> (its folder anchors relative paths).
    /// Throws <see cref="ExportException"/> for what a program cannot hold (another language, #load, a top-level property, …).
    /// </summary>
    public static async Task<ExportedApp> ExportAsync(Notebook notebook, string notebookPath, ExportOptions options, CancellationToken cancellationToken = default)
    {
        var source = LessonSource.Read(notebook, notebookPath);
        var warnings = new List<string>();
        foreach (var package in source.Packages.Where(p => p.Version is null))
            warnings.Add($"{package.Id} has no version in the notebook: the app takes the newest ({package.Id}@*); pin it with #r \"nuget: {package.Id}, <version>\"");
        warnings.AddRange(CentralVersionMismatches(source));

        var chain = await ScriptChain.BuildAsync(source, options, warnings, cancellationToken);
        var plan = NamePlan.Build(source, chain);
        var writer = new AppWriter(source, chain, plan, options);
        var text = writer.Write();
        return new ExportedApp(source.NotebookPath, Path.GetFullPath(options.AppPath), text, source.Parameters, writer.Packages, warnings);
    }

    /// <summary>
    /// The app pins the notebook's own versions. Where the course also pins a package centrally (Directory.Packages.props
    /// above the notebook), the two should agree, or the library and the lesson would be built against different versions.
    /// </summary>
    private static IEnumerable<string> CentralVersionMismatches(LessonSource source)
    {
        string? props = null;
        for (var dir = new DirectoryInfo(source.NotebookFolder); dir is not null && props is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "Directory.Packages.props");
            if (File.Exists(candidate)) props = candidate;
        }
        if (props is null) yield break;
        Dictionary<string, string> central;
        try
        {
            central = XDocument.Load(props).Descendants("PackageVersion")
                .Where(e => e.Attribute("Include") is not null && e.Attribute("Version") is not null)
                .GroupBy(e => e.Attribute("Include")!.Value, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last().Attribute("Version")!.Value, StringComparer.OrdinalIgnoreCase);
        }
        catch (System.Xml.XmlException)
        {
            yield break;
        }
        foreach (var package in source.Packages)
            if (package.Version is not null && central.TryGetValue(package.Id, out var version) && !string.Equals(version, package.Version, StringComparison.OrdinalIgnoreCase))
                yield return $"the notebook loads {package.Id} {package.Version}, but {props} pins {version}; the app follows the notebook — make them agree";
    }
}
