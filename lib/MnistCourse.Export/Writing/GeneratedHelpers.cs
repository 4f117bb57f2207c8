using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using MnistCourse.NotebookEngine.Running;

namespace MnistCourse.Export.Writing;

/// <summary>
/// The two classes every exported app ends with. <c>NotebookParameters</c>: the command line (<c>--quick</c>,
/// <c>--set name=value</c> converted to the parameter's type, <c>--help</c>). <c>NotebookOutput</c>: what a notebook
/// would display (text to the console; Plotly.NET and XPlot charts as offline HTML pages and images as files in the
/// lesson's output folder, paths printed), under the names lesson code calls: <c>display</c>, <c>.Display()</c>,
/// <c>.Update</c>, <c>HTML</c>. Chart support is generated only for the chart packages the lesson references.
/// </summary>
internal static class GeneratedHelpers
{
    public static string Parameters(string usage, IReadOnlyList<ParameterDeclaration> parameters, bool hasQuick)
    {
        var declared = string.Join("\n", parameters.Select(p => $"        [{Literal(p.Name)}] = {Literal(p.TypeName)},"));
        var list = parameters.Count == 0 ? "(this lesson has none)" : string.Join(", ", parameters.Select(p => p.Name));
        return ParametersTemplate
            .Replace("@@USAGE@@", RawLiteral(usage, "        "))
            .Replace("@@DECLARED@@", declared)
            .Replace("@@LIST@@", InterpolatedText(list))
            .Replace("@@HAS_QUICK@@", hasQuick ? "true" : "false")
            .Replace("@@EXAMPLE@@", InterpolatedText(parameters.Count > 0 ? parameters[0].Name + "=…" : "name=value"));
    }

    public static string Output(string lesson, bool plotlyNet, bool mnistCoursePlot, bool xplot)
    {
        var cases = new StringBuilder();
        if (plotlyNet)
            cases.Append(ChartCase("Plotly.NET.GenericChart chart",
                mnistCoursePlot ? "MnistCourse.Charts.Plot.SaveHtml(chart, path)" : "File.WriteAllText(path, Plotly.NET.GenericChart.toEmbeddedHTML(chart))"));
        if (xplot)
            cases.Append(ChartCase("XPlot.Plotly.PlotlyChart xplotChart", "File.WriteAllText(path, Page(xplotChart.GetInlineHtml(), withPlotlyJs: true))"));
        var plotlyJs = mnistCoursePlot
            ? "\"<script>\" + MnistCourse.Charts.Plot.PlotlyJs + \"</script>\""
            : "\"<script src=\\\"https://cdn.plot.ly/plotly-2.28.0.min.js\\\"></script>\"";
        return OutputTemplate
            .Replace("@@LESSON@@", Literal(lesson))
            .Replace("@@CHART_CASES@@", cases.ToString())
            .Replace("@@PLOTLY_JS@@", plotlyJs);
    }

    private static string ChartCase(string pattern, string write) =>
        $"            case {pattern}:\n                return Save(file, \".html\", \"chart\", path => {write});\n";

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>Text to put inside a $"…" literal: escaped, braces doubled.</summary>
    private static string InterpolatedText(string text) => Literal(text)[1..^1].Replace("{", "{{").Replace("}", "}}");

    /// <summary>A raw string literal (C# 11) of <paramref name="text"/>, its lines indented, so the text reads as printed.</summary>
    private static string RawLiteral(string text, string indent)
    {
        var quotes = "\"\"\"";
        while (text.Contains(quotes, StringComparison.Ordinal)) quotes += '"';
        var lines = text.Split('\n').Select(l => l.Length == 0 ? "" : indent + l);
        return quotes + "\n" + string.Join("\n", lines) + "\n" + indent + quotes;
    }

    private const string ParametersTemplate = """
        /// <summary>The lesson's parameters on the command line, from its "parameters" cell and its quick-run settings.</summary>
        static class NotebookParameters
        {
            const string Usage = @@USAGE@@;
            static readonly Dictionary<string, string> declared = new()
            {
        @@DECLARED@@
            };
            static readonly Dictionary<string, string> values = new();
            static readonly bool hasQuickSettings = @@HAS_QUICK@@;

            /// <summary>--quick: the notebook's quick-run settings apply (metadata.mnistcourse.quick).</summary>
            public static bool Quick { get; private set; }

            /// <summary>Reads --quick, --set name=value (also --set=name=value) and --help; anything else ends the program with a message.</summary>
            public static void Read(string[] args)
            {
                for (var i = 0; i < args.Length; i++)
                {
                    var arg = args[i];
                    if (arg is "--help" or "-h" or "-?")
                    {
                        Console.WriteLine(Usage);
                        Environment.Exit(0);
                    }
                    else if (arg == "--quick")
                    {
                        Quick = true;
                        if (!hasQuickSettings) Console.Error.WriteLine($"{NotebookOutput.Lesson}: --quick: this lesson has no quick-run settings; it runs as published");
                    }
                    else if (arg == "--set" || arg.StartsWith("--set=", StringComparison.Ordinal))
                    {
                        var setting = arg == "--set" ? (i + 1 < args.Length ? args[++i] : "") : arg["--set=".Length..];
                        var equals = setting.IndexOf('=');
                        if (equals <= 0) Fail($"--set needs NAME=VALUE, e.g. --set @@EXAMPLE@@");
                        var name = setting[..equals].Trim();
                        if (!declared.ContainsKey(name)) Fail($"unknown parameter '{name}'; the parameters are: @@LIST@@");
                        values[name] = setting[(equals + 1)..];
                    }
                    else
                    {
                        Fail($"unknown argument '{arg}'");
                    }
                }
            }

            /// <summary>Sets <paramref name="variable"/> from --set NAME=VALUE, converted to the parameter's type.</summary>
            public static void Set<T>(string name, ref T variable)
            {
                if (values.TryGetValue(name, out var text)) variable = (T)Convert(name, typeof(T), text);
            }

            static object Convert(string name, Type type, string text)
            {
                var declaredType = declared[name];
                var invariant = System.Globalization.CultureInfo.InvariantCulture;
                if (text == "null" && (Nullable.GetUnderlyingType(type) is not null || declaredType.EndsWith('?'))) return null;
                type = Nullable.GetUnderlyingType(type) ?? type;
                try
                {
                    if (type == typeof(string)) return text;
                    if (type == typeof(bool)) return bool.Parse(text);
                    if (type == typeof(char) && text.Length == 1) return text[0];
                    if (type.IsEnum) return Enum.Parse(type, text, ignoreCase: true);
                    if (type == typeof(double)) return double.Parse(text, System.Globalization.NumberStyles.Float, invariant);
                    if (type == typeof(float)) return float.Parse(text, System.Globalization.NumberStyles.Float, invariant);
                    if (type == typeof(decimal)) return decimal.Parse(text, System.Globalization.NumberStyles.Float, invariant);
                    if (Type.GetTypeCode(type) is >= TypeCode.SByte and <= TypeCode.UInt64)
                    {
                        var number = decimal.Parse(text, System.Globalization.NumberStyles.Float, invariant);
                        if (number == decimal.Truncate(number)) return System.Convert.ChangeType(number, type, invariant);
                    }
                    else
                    {
                        var converter = System.ComponentModel.TypeDescriptor.GetConverter(type);
                        if (converter.CanConvertFrom(typeof(string))) return converter.ConvertFromInvariantString(text);
                    }
                }
                catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or NotSupportedException)
                {
                }
                Fail($"parameter '{name}' is declared as {declaredType}; '{text}' is not a value of that type");
                return null;
            }

            static void Fail(string message)
            {
                Console.Error.WriteLine($"{NotebookOutput.Lesson}: {message} (--help shows the usage)");
                Environment.Exit(2);
            }
        }

        """;

    private const string OutputTemplate = """
        /// <summary>
        /// What the notebook would display, for a program: text goes to the console; charts and images become files in the
        /// lesson's output folder beside this file, and their paths are printed.
        /// </summary>
        static class NotebookOutput
        {
            public const string Lesson = @@LESSON@@;
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
                switch (value)
                {
        @@CHART_CASES@@
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

            static string Page(string body, bool withPlotlyJs) =>
                "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + Lesson + ", cell " + cell + "</title>\n" +
                (withPlotlyJs ? @@PLOTLY_JS@@ + "\n" : "") + "</head>\n<body>\n" + body + "\n</body>\n</html>\n";

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

        /// <summary>
        /// The notebook's display helpers, under the names lesson code calls (display(…), .Display(), .Update(…), HTML(…)),
        /// so the lesson's code stays as it is. Imported with `using static` at the top of the file.
        /// </summary>
        static class NotebookDisplay
        {
            public static DisplayedValue display(object value, params string[] mimeTypes) => new(mimeTypes, NotebookOutput.Write(value, mimeTypes, null));

            public static DisplayedValue Display(this object value, params string[] mimeTypes) => display(value, mimeTypes);

            public static HtmlContent HTML(string content) => new(content);

            public sealed record HtmlContent(string Html)
            {
                public override string ToString() => Html;
            }

            /// <summary>What display(…) returns. Update(…) replaces what it shows: a chart's file is rewritten, text is printed again.</summary>
            public sealed class DisplayedValue(string[] mimeTypes, string file)
            {
                public void Update(object updatedValue) => file = NotebookOutput.Write(updatedValue, mimeTypes, file) ?? file;
            }
        }

        """;
}
