using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using MnistCourse.NotebookFormat;

namespace MnistCourse.NotebookEngine.Execution.Formatting;

/// <summary>
/// plotly.js for offline charts, taken from the copy Plotly.NET embeds as a manifest resource (plotly-2.28.0.min.js
/// in Plotly.NET 6). Looked up in the loaded assemblies first; for XPlot-only notebooks, from a Plotly.NET.dll in the
/// NuGet cache, read in a throw-away load context. The script is wrapped between HTML comment markers so a static
/// site generator can find and drop it (<see cref="PlotlyJsMarkers"/>, a convention of the notebook format).
/// </summary>
public static partial class PlotlyJs
{
    public const string BeginMarker = PlotlyJsMarkers.Begin;
    public const string EndMarker = PlotlyJsMarkers.End;

    private static readonly object Gate = new();
    private static string? _cached;

    [GeneratedRegex(@"plotly-[\d.]+\.min\.js$", RegexOptions.IgnoreCase)]
    private static partial Regex ResourceName();

    /// <summary>The marked &lt;script&gt; block that defines window.Plotly, or null when no Plotly.NET copy can be found.</summary>
    public static string? InlineScriptBlock()
    {
        lock (Gate)
        {
            if (_cached is not null) return _cached;
            var js = FromLoadedAssemblies() ?? FromNuGetCache();
            if (js is null) return null;
            // Hide AMD/CommonJS loaders (Jupyter's require.js, VS Code webviews) so the UMD bundle sets window.Plotly.
            _cached = BeginMarker + "\n<script type=\"text/javascript\">\nif (!window.Plotly) { (function () { var define = undefined, exports = undefined, module = undefined;\n"
                      + js + "\n})(); }\n</script>\n" + EndMarker + "\n";
            return _cached;
        }
    }

    private static string? FromLoadedAssemblies() => AppDomain.CurrentDomain.GetAssemblies()
        .Where(assembly => !assembly.IsDynamic && assembly.GetName().Name == "Plotly.NET").Select(Read).FirstOrDefault(js => js is not null);

    private static string? FromNuGetCache()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(packages, "plotly.net");
        if (!Directory.Exists(folder)) return null;
        var dll = Directory.EnumerateFiles(folder, "Plotly.NET.dll", SearchOption.AllDirectories)
            .OrderByDescending(p => p, StringComparer.Ordinal).FirstOrDefault();
        if (dll is null) return null;
        var context = new AssemblyLoadContext("mnistcourse-plotlyjs", isCollectible: true);
        try
        {
            return Read(context.LoadFromAssemblyPath(dll));
        }
        catch (Exception)
        {
            return null;
        }
        finally
        {
            context.Unload();
        }
    }

    private static string? Read(Assembly assembly)
    {
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n => ResourceName().IsMatch(n));
        using var stream = name is null ? null : assembly.GetManifestResourceStream(name);
        return stream is null ? null : new StreamReader(stream).ReadToEnd();
    }
}
