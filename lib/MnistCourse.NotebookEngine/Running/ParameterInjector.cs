using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis.CSharp;
using MnistCourse.NotebookFormat;

namespace MnistCourse.NotebookEngine.Running;

/// <summary>
/// Parameter injection the papermill way: overrides become a NEW code cell right after the "parameters" cell, tagged
/// "injected-parameters", redeclaring each overridden parameter with its declared type (later declarations shadow
/// earlier ones in a script, so the defaults cell stays untouched and visible).
/// <c>--quick</c> overrides come from <c>metadata.mnistcourse.quick</c> (name → JSON value); <c>--set</c> ones win over them.
/// </summary>
public static class ParameterInjector
{
    /// <summary>The notebook's quick-run overrides (<c>metadata.mnistcourse.quick</c>); empty when it has none.</summary>
    public static IReadOnlyList<KeyValuePair<string, ParameterValue>> QuickOverrides(Notebook notebook) =>
        notebook.Metadata["mnistcourse"]?["quick"] is JsonObject quick
            ? quick.Select(p => KeyValuePair.Create(p.Key, ParameterValue.FromJson(p.Value?.DeepClone(), "metadata.mnistcourse.quick"))).ToList()
            : [];

    /// <summary>
    /// Inserts the injected-parameters cell (replacing one left by an earlier run) and returns it; null when there is
    /// nothing to override. Throws <see cref="ParameterException"/> for unknown names or unconvertible values.
    /// </summary>
    public static NotebookCell? Inject(Notebook notebook, IReadOnlyList<KeyValuePair<string, ParameterValue>> overrides)
    {
        foreach (var old in notebook.Cells.Where(c => c.HasTag(ParametersCell.InjectedTag)).ToList()) notebook.RemoveCell(old);
        if (overrides.Count == 0) return null;

        var parameters = ParametersCell.Find(notebook)
                         ?? throw new ParameterException(
                             $"{notebook.SourceName} has no cell tagged \"{ParametersCell.Tag}\", so parameter {overrides[0].Key} cannot be set; " +
                             "tag the cell that declares the defaults with \"parameters\"");
        var declarations = ParametersCell.Declarations(parameters);
        var merged = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (name, value) in overrides)
        {
            if (declarations.All(d => d.Name != name))
            {
                var list = declarations.Count == 0 ? "(none declared)" : string.Join(", ", declarations.Select(d => $"{d.TypeName} {d.Name}"));
                throw new ParameterException($"unknown parameter '{name}' (from {value.Origin}) in {notebook.SourceName}; known parameters: {list}");
            }
            merged[name] = value;
        }

        string Type(ParameterDeclaration d) => d.TypeName.StartsWith("const ", StringComparison.Ordinal) ? d.TypeName[6..] : d.TypeName;
        var source = string.Join('\n', declarations.Where(d => merged.ContainsKey(d.Name))
            .Select(d => $"{Type(d)} {d.Name} = {ToLiteral(d, merged[d.Name])};")
            .Prepend("// Parameters injected by MnistCourse.Runner"));

        var metadata = new JsonObject
        {
            ["tags"] = new JsonArray(ParametersCell.InjectedTag),
            ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
        };
        var index = notebook.Cells.ToList().IndexOf(parameters) + 1;
        return notebook.InsertCodeCell(index, source, metadata);
    }

    /// <summary>The types a parameter can be set in, by C# keyword (a parameter may also be declared with the .NET name,
    /// Int32 or System.Int32): each value is checked and written as a literal. Other types (arrays, enums, TimeSpan,
    /// <c>var</c> with a default that is not a literal) are refused: a value pasted as code would run as code.</summary>
    private static readonly Dictionary<string, Type> LiteralTypes = new()
    {
        ["string"] = typeof(string), ["char"] = typeof(char), ["bool"] = typeof(bool), ["decimal"] = typeof(decimal),
        ["double"] = typeof(double), ["float"] = typeof(float), ["int"] = typeof(int), ["long"] = typeof(long),
        ["short"] = typeof(short), ["byte"] = typeof(byte), ["sbyte"] = typeof(sbyte), ["uint"] = typeof(uint),
        ["ushort"] = typeof(ushort), ["ulong"] = typeof(ulong),
    };

    /// <summary>The C# literal for <paramref name="value"/> as a value of the parameter's declared type.</summary>
    public static string ToLiteral(ParameterDeclaration declaration, ParameterValue value)
    {
        var type = declaration.TypeName.Trim();
        var nullable = type.EndsWith('?');
        if (nullable) type = type[..^1].Trim();
        type = LiteralTypes.Keys.FirstOrDefault(k => type == LiteralTypes[k].Name || type == LiteralTypes[k].FullName) ?? type;

        if (value.Text is null ? value.Json?.GetValueKind() is null or JsonValueKind.Null : nullable && value.Text == "null") return "null";

        string Fail(string expected) => throw new ParameterException(
            $"parameter '{declaration.Name}' is declared as {declaration.TypeName}, but the value {value} (from {value.Origin}) is not {expected}");

        var text = value.Text ?? (value.Json is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.Json!.ToJsonString());
        var invariant = CultureInfo.InvariantCulture;
        switch (type)
        {
            case "string":
                return SymbolDisplay.FormatLiteral(text, quote: true);
            case "char":
                return text.Length == 1 ? SymbolDisplay.FormatLiteral(text[0], quote: true) : Fail("a single character");
            case "bool":
                return bool.TryParse(text, out var b) ? (b ? "true" : "false") : Fail("true or false");
            case "int" or "long" or "short" or "byte" or "sbyte" or "uint" or "ulong" or "ushort":
                // JSON numbers such as 3.0 are whole numbers too.
                if (!decimal.TryParse(text, NumberStyles.Float, invariant, out var integer) || integer != decimal.Truncate(integer))
                    return Fail("a whole number");
                try
                {
                    Convert.ChangeType(integer, LiteralTypes[type], invariant); // throws when out of the type's range
                }
                catch (OverflowException)
                {
                    return Fail($"a whole number in the range of {type}");
                }
                return decimal.Truncate(integer).ToString(invariant); // 3.0 → 3, an int literal
            case "double" or "float":
                if (!double.TryParse(text, NumberStyles.Float, invariant, out var real)) return Fail("a number");
                var suffix = type == "float" ? "f" : "d";
                if (double.IsNaN(real)) return $"{type}.NaN";
                if (double.IsInfinity(real)) return real > 0 ? $"{type}.PositiveInfinity" : $"{type}.NegativeInfinity";
                return (type == "float" ? ((float)real).ToString("R", invariant) : real.ToString("R", invariant)) + suffix;
            case "decimal":
                return decimal.TryParse(text, NumberStyles.Float, invariant, out var money) ? money.ToString(invariant) + "m" : Fail("a number");
            default:
                throw new ParameterException(
                    $"parameter '{declaration.Name}' is declared as {declaration.TypeName}, which cannot be set from {value.Origin}: only " +
                    $"{string.Join(", ", LiteralTypes.Keys)} parameters (nullable too) take a value; declare it with one of these types in the parameters cell");
        }
    }
}

/// <summary>A parameter override that cannot be applied (unknown name, value of the wrong type, no parameters cell).</summary>
public sealed class ParameterException(string message) : Exception(message);

/// <summary>
/// An override for one parameter: either text from the command line (<c>--set name=value</c>) or a JSON value from
/// the notebook's <c>metadata.mnistcourse.quick</c>. Converted to a C# literal of the parameter's declared type.
/// </summary>
public sealed record ParameterValue(string? Text, JsonNode? Json, string Origin)
{
    public static ParameterValue FromCommandLine(string text) => new(text, null, "--set");

    public static ParameterValue FromJson(JsonNode? json, string origin) => new(null, json, origin);

    public override string ToString() => Text ?? Json?.ToJsonString() ?? "null";
}
