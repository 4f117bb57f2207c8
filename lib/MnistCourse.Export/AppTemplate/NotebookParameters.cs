// Part of every app `./course export` writes (lib/MnistCourse.Export embeds this file and copies it in verbatim).
// A real C# file so the compiler and the IDE see it: Export.Tests compiles it with a generated lesson part.

/// <summary>How an exported lesson reads its command line: --quick, --set NAME=VALUE in the parameter's type, --help.</summary>
static partial class NotebookParameters
{
    // Generated per lesson (AppWriter): Usage, declared (name → declared type), hasQuickSettings, Example, Names.
    static readonly Dictionary<string, string> values = new();

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
                if (equals <= 0) Fail($"--set needs NAME=VALUE, e.g. --set {Example}");
                var name = setting[..equals].Trim();
                if (!declared.ContainsKey(name)) Fail($"unknown parameter '{name}'; the parameters are: {Names}");
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

    /// <summary>The value of a --set, by the rules the course's runner uses (<c>ParameterText</c>, the same file).</summary>
    static object Convert(string name, Type type, string text)
    {
        var declaredType = declared[name];
        if (text == "null" && (Nullable.GetUnderlyingType(type) is not null || declaredType.EndsWith('?'))) return null;
        if (ParameterText.Keyword(declaredType.TrimEnd('?')) is { } keyword && ParameterText.TryParse(keyword, text, out var value, out _))
            return value;
        Fail($"parameter '{name}' is declared as {declaredType}; '{text}' is not a value of that type");
        return null;
    }

    static void Fail(string message)
    {
        Console.Error.WriteLine($"{NotebookOutput.Lesson}: {message} (--help shows the usage)");
        Environment.Exit(2);
    }
}
