// How a parameter's text becomes a value of its declared type: one file, used by the runner's parameter injection and
// copied verbatim into every exported app (MnistCourse.Export embeds it). No namespace: an app is a top-level program.

/// <summary>
/// The parameter types a value can be given for from outside (the command line, a notebook's quick settings): the
/// literal types, by C# keyword or .NET name, nullable too. Other types (arrays, enums, <c>var</c>…) take none: a value
/// pasted as code would run as code.
/// </summary>
internal static class ParameterText
{
    public static readonly IReadOnlyDictionary<string, Type> LiteralTypes = new Dictionary<string, Type>
    {
        ["string"] = typeof(string), ["char"] = typeof(char), ["bool"] = typeof(bool), ["decimal"] = typeof(decimal),
        ["double"] = typeof(double), ["float"] = typeof(float), ["int"] = typeof(int), ["long"] = typeof(long),
        ["short"] = typeof(short), ["byte"] = typeof(byte), ["sbyte"] = typeof(sbyte), ["uint"] = typeof(uint),
        ["ushort"] = typeof(ushort), ["ulong"] = typeof(ulong),
    };

    /// <summary>The C# keyword of a declared type name (<c>int</c>, <c>Int32</c>, <c>System.Int32</c> → <c>int</c>), or null.</summary>
    public static string? Keyword(string typeName)
    {
        typeName = typeName.Trim();
        return LiteralTypes.Keys.FirstOrDefault(k => typeName == k || typeName == LiteralTypes[k].Name || typeName == LiteralTypes[k].FullName);
    }

    /// <summary>
    /// <paramref name="text"/> as a value of the type named by <paramref name="keyword"/> (invariant culture; a whole
    /// number may be written 3.0); false with what was expected when it is not one.
    /// </summary>
    public static bool TryParse(string keyword, string text, out object? value, out string expected)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        value = null;
        expected = "";
        switch (keyword)
        {
            case "string":
                value = text;
                return true;
            case "char":
                expected = "a single character";
                if (text.Length != 1) return false;
                value = text[0];
                return true;
            case "bool":
                expected = "true or false";
                if (!bool.TryParse(text, out var truth)) return false;
                value = truth;
                return true;
            case "int" or "long" or "short" or "byte" or "sbyte" or "uint" or "ulong" or "ushort":
                expected = "a whole number";
                if (!decimal.TryParse(text, System.Globalization.NumberStyles.Float, invariant, out var whole) || whole != decimal.Truncate(whole)) return false;
                try
                {
                    value = Convert.ChangeType(whole, LiteralTypes[keyword], invariant);
                    return true;
                }
                catch (OverflowException)
                {
                    expected = $"a whole number in the range of {keyword}";
                    return false;
                }
            case "double" or "float":
                expected = "a number";
                if (!double.TryParse(text, System.Globalization.NumberStyles.Float, invariant, out var real)) return false;
                value = keyword == "float" ? (object)(float)real : real;   // boxed as itself: a float, not a widened double
                return true;
            case "decimal":
                expected = "a number";
                if (!decimal.TryParse(text, System.Globalization.NumberStyles.Float, invariant, out var exact)) return false;
                value = exact;
                return true;
            default:
                expected = $"a value of one of the types {string.Join(", ", LiteralTypes.Keys)}";
                return false;
        }
    }
}
