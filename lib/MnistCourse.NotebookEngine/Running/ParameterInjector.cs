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

    /// <summary>The C# literal for <paramref name="value"/> as a value of the parameter's declared type
    /// (<see cref="ParameterText"/> decides what a value of that type is: the same rules as an exported app's --set).</summary>
    public static string ToLiteral(ParameterDeclaration declaration, ParameterValue value)
    {
        var type = declaration.TypeName.Trim();
        var nullable = type.EndsWith('?');
        if (nullable) type = type[..^1].Trim();

        if (value.Text is null ? value.Json?.GetValueKind() is null or JsonValueKind.Null : nullable && value.Text == "null") return "null";

        var keyword = ParameterText.Keyword(type) ?? throw new ParameterException(
            $"parameter '{declaration.Name}' is declared as {declaration.TypeName}, which cannot be set from {value.Origin}: only " +
            $"{string.Join(", ", ParameterText.LiteralTypes.Keys)} parameters (nullable too) take a value; declare it with one of these types in the parameters cell");
        var text = value.Text ?? (value.Json is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value.Json!.ToJsonString());
        if (!ParameterText.TryParse(keyword, text, out var parsed, out var expected))
            throw new ParameterException(
                $"parameter '{declaration.Name}' is declared as {declaration.TypeName}, but the value {value} (from {value.Origin}) is not {expected}");

        var invariant = CultureInfo.InvariantCulture;
        return parsed switch
        {
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            bool b => b ? "true" : "false",
            double d when double.IsNaN(d) => "double.NaN",
            double d when double.IsInfinity(d) => d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity",
            double d => d.ToString("R", invariant) + "d",
            float f when float.IsNaN(f) => "float.NaN",
            float f when float.IsInfinity(f) => f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity",
            float f => f.ToString("R", invariant) + "f",
            decimal m => m.ToString(invariant) + "m",
            _ => Convert.ToString(parsed, invariant)!,   // a whole number: 3.0 → 3
        };
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
