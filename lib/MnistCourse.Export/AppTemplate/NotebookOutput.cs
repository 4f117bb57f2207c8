// Part of every app `./course export` writes (lib/MnistCourse.Export embeds this file and copies it in verbatim).
// A real C# file so the compiler and the IDE see it: Export.Tests compiles it with a generated lesson part.

/// <summary>
/// What the notebook would display, for a program: text goes to the console; charts and images become files in the
/// lesson's output folder beside this file, and their paths are printed.
/// </summary>
static partial class NotebookOutput
{
    // Generated per lesson (AppWriter): Lesson, SaveChart (one case per chart package the lesson references), PlotlyJs.
    static readonly string startFolder = Environment.CurrentDirectory;
    static string outputFolder = "";
    static int cell;
    static int outputsInCell;
    static System.Diagnostics.Stopwatch timer;

    // dotnet run can keep an earlier build's list of the program's assemblies (its .deps.json) when a reference is
    // added; a dll copied beside the program but missing from that list (MnistCourse.Contracts) is loaded from there.
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void LoadAssembliesBesideTheProgram() =>
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
        {
            var beside = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
            return File.Exists(beside) ? context.LoadFromAssemblyPath(beside) : null;
        };

    /// <summary>Runs the lesson in the notebook's folder (relative paths mean what they mean there); clears earlier outputs.</summary>
    public static void Start(string notebookFolder)
    {
        var appFolder = AppFolder();
        outputFolder = Path.Combine(appFolder, Lesson + "-output");
        Directory.CreateDirectory(outputFolder);
        foreach (var old in Directory.EnumerateFiles(outputFolder, "cell-*")) File.Delete(old);
        var folder = Path.GetFullPath(Path.Combine(appFolder, notebookFolder));
        if (Directory.Exists(folder)) Environment.CurrentDirectory = folder;
        else Console.Error.WriteLine($"{Lesson}: the notebook's folder {folder} is missing; relative paths are taken from {Environment.CurrentDirectory}");
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            Console.Out.Flush();
            Console.Error.WriteLine($"{Lesson}: cell {cell} failed: {e.ExceptionObject}");
            Environment.Exit(1);
        };
    }

    static string AppFolder([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "") =>
        AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Path.GetDirectoryName(thisFile);

    /// <summary>A notebook cell starts: its outputs are named after it (cell-07.html), and an error names it.</summary>
    public static void Cell(int number)
    {
        cell = number;
        outputsInCell = 0;
    }

    /// <summary>A cell's trailing expression: what a notebook shows as the cell's result.</summary>
    public static void Show(object value) => Write(value, [], null);

    public static void StartTimer() => timer = System.Diagnostics.Stopwatch.StartNew();

    public static void PrintWallTime() => Console.WriteLine($"Wall time: {timer.Elapsed.TotalMilliseconds:F0} ms");

    /// <summary>Shows a value; returns the file it was written to, or null when it was printed.</summary>
    public static string Write(object value, string[] mimeTypes, string file)
    {
        var mime = mimeTypes.Length > 0 ? mimeTypes[0].ToLowerInvariant() : "";
        if (SaveChart(value, file) is { } chart) return chart;
        switch (value)
        {
            case byte[] bytes when mime.StartsWith("image/") || IsPng(bytes):
                return Save(file, mime.Length > 0 ? "." + mime["image/".Length..].Split('+')[0].Replace("jpeg", "jpg") : ".png", "image", path => File.WriteAllBytes(path, bytes));
            case NotebookDisplay.HtmlContent html:
                return Save(file, ".html", "html", path => File.WriteAllText(path, Page(html.Html, withPlotlyJs: false)));
            case string svg when mime == "image/svg+xml":
                return Save(file, ".svg", "image", path => File.WriteAllText(path, svg));
            case string html when mime == "text/html":
                return Save(file, ".html", "html", path => File.WriteAllText(path, Page(html, withPlotlyJs: false)));
        }
        Console.WriteLine(Text(value));
        return null;
    }

    static string Save(string file, string extension, string kind, Action<string> write)
    {
        var updating = file is not null;
        if (file is null)
        {
            outputsInCell++;
            file = Path.Combine(outputFolder, outputsInCell == 1 ? $"cell-{cell:00}{extension}" : $"cell-{cell:00}-{outputsInCell}{extension}");
        }
        write(file);
        var relative = Path.GetRelativePath(startFolder, file);
        var shown = relative.StartsWith("..") || Path.IsPathRooted(relative) ? file : relative;
        Console.WriteLine(updating ? $"[{kind} updated] {shown}" : $"[{kind}] {shown}");
        return file;
    }

    static bool IsPng(byte[] bytes) => bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';

    /// <summary>
    /// plotly.js from the copy Plotly.NET embeds (found by name: an app without Plotly.NET still compiles), so pages
    /// draw offline; without Plotly.NET the page says why its charts stay empty.
    /// </summary>
    static string EmbeddedPlotlyJs()
    {
        System.Reflection.Assembly plotly;
        try { plotly = System.Reflection.Assembly.Load("Plotly.NET"); }
        catch (IOException) { return "<!-- plotly.js: not available offline (reference the Plotly.NET package to embed it) -->"; }
        var resource = plotly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(".min.js", StringComparison.Ordinal) && n.Contains("plotly"));
        if (resource is null) return "<!-- plotly.js: this Plotly.NET embeds no copy -->";
        using var reader = new StreamReader(plotly.GetManifestResourceStream(resource));
        return "<script>" + reader.ReadToEnd() + "</script>";
    }

    static string Page(string body, bool withPlotlyJs) =>
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + Lesson + ", cell " + cell + "</title>\n" +
        (withPlotlyJs ? PlotlyJs + "\n" : "") + "</head>\n<body>\n" + body + "\n</body>\n</html>\n";

    /// <summary>A value as text: its own ToString when it has one, else its items or its properties.</summary>
    static string Text(object value)
    {
        switch (value)
        {
            case null:
                return "<null>";
            case string text:
                return text;
            case Array { Rank: 2 } grid:
                return "[ " + string.Join(",\n  ", Enumerable.Range(0, grid.GetLength(0)).Select(r =>
                    "[ " + string.Join(", ", Enumerable.Range(0, grid.GetLength(1)).Select(c => Text(grid.GetValue(r, c)))) + " ]")) + " ]";
        }
        var type = value.GetType();
        if (type.GetMethod("ToString", Type.EmptyTypes)?.DeclaringType != typeof(object)) return value.ToString();
        if (value is System.Collections.IEnumerable items)
        {
            var shown = items.Cast<object>().Take(21).Select(Text).ToList();
            return "[ " + string.Join(", ", shown.Take(20)) + (shown.Count > 20 ? ", …" : "") + " ]";
        }
        var properties = type.GetProperties().Where(p => p.GetIndexParameters().Length == 0).Select(p => $"{p.Name} = {p.GetValue(value)}");
        return $"{type.Name} {{ {string.Join(", ", properties)} }}";
    }
}
