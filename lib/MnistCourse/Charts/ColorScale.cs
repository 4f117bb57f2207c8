namespace MnistCourse.Charts;

/// <summary>A colour map with matplotlib's meaning of the names, its plotly.js form and a readable text colour on it.</summary>
/// <remarks>
/// plotly.js has its own "Greys" that runs black to white, the opposite of matplotlib; learners coming from
/// Keras tutorials expect ink dark on light, so the common maps are spelled out here as explicit stops.
/// Any other name is handed to plotly.js untouched (e.g. "Jet", "Hot"), without contrast information.
/// </remarks>
internal sealed class ColorScale(string name, bool diverging, params string[]? stops)
{
    private static readonly Dictionary<string, ColorScale> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Greys"] = new("Greys", false, "#ffffff", "#000000"),
        ["Blues"] = new("Blues", false, "#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"),
        ["Reds"] = new("Reds", false, "#fff5f0", "#fee0d2", "#fcbba1", "#fc9272", "#fb6a4a", "#ef3b2c", "#cb181d", "#a50f15", "#67000d"),
        ["Viridis"] = new("Viridis", false, "#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#b5de2b", "#fde725"),
        ["RdBu"] = new("RdBu", true, "#67001f", "#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#f7f7f7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac", "#053061"),
        ["RdBu_r"] = new("RdBu_r", true, "#053061", "#2166ac", "#4393c3", "#92c5de", "#d1e5f0", "#f7f7f7", "#fddbc7", "#f4a582", "#d6604d", "#b2182b", "#67001f"),
    };

    public static ColorScale Greys => Known["Greys"];
    public static ColorScale Viridis => Known["Viridis"];
    public static ColorScale Blues => Known["Blues"];
    public static ColorScale RdBu => Known["RdBu"];

    /// <summary>True for maps with a neutral middle, which should be centred on zero.</summary>
    public bool IsDiverging => diverging;

    /// <summary>Finds a map by name (case-insensitive); unknown names are passed through to plotly.js.</summary>
    public static ColorScale Parse(string name, string paramName)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ArgumentException(
                $"Expected a colour scale name such as \"Greys\", \"Viridis\" or \"RdBu\", got \"{name}\".", paramName);
        return Known.TryGetValue(name.Trim(), out var scale) ? scale : new ColorScale(name.Trim(), false, null);
    }

    /// <summary>The trace's <c>colorscale</c> attribute: a list of [position, colour] pairs, or a plotly.js name.</summary>
    public object ToPlotly() =>
        stops is null ? name : stops.Select((stop, i) => new object[] { Math.Round((double)i / (stops.Length - 1), 4), stop }).ToArray();

    /// <summary>Black or white, whichever reads better on the colour at <paramref name="t"/> (0..1 along the map); null for an unknown map.</summary>
    public string? TextColorAt(double t)
    {
        if (stops is null)
            return null;
        var position = (double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1)) * (stops.Length - 1);
        var lower = (int)Math.Floor(position);
        var fraction = position - lower;
        var low = Convert.FromHexString(stops[lower].AsSpan(1));
        var high = Convert.FromHexString(stops[Math.Min(lower + 1, stops.Length - 1)].AsSpan(1));
        double Mix(int channel) => low[channel] + (high[channel] - low[channel]) * fraction;
        // Relative luminance (sRGB weights); 0.5 splits "dark" from "light" well enough for cell labels.
        var luminance = (0.2126 * Mix(0) + 0.7152 * Mix(1) + 0.0722 * Mix(2)) / 255;
        return luminance < 0.5 ? "white" : "#222";
    }
}
