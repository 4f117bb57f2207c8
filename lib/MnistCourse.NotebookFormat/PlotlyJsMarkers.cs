namespace MnistCourse.NotebookFormat;

/// <summary>
/// A convention of the course's executed notebooks: the engine puts plotly.js inline in a notebook's first chart
/// output between these two HTML comments, so that a reader of the notebook (the static site) can find the block and
/// drop it. What lies between them is never trusted as plotly.js: the site serves its own copy.
/// </summary>
public static class PlotlyJsMarkers
{
    public const string Begin = "<!-- mnistcourse:plotly.js -->";
    public const string End = "<!-- /mnistcourse:plotly.js -->";

    /// <summary>
    /// <paramref name="html"/> without its marked blocks. Throws <see cref="FormatException"/> when a marker is
    /// unbalanced (the output was cut or edited).
    /// </summary>
    public static string Remove(string html)
    {
        while (html.IndexOf(Begin, StringComparison.Ordinal) is var begin and >= 0)
        {
            var end = html.IndexOf(End, begin, StringComparison.Ordinal);
            if (end < 0) throw new FormatException($"an inline plotly.js block opens with {Begin} but never closes");
            html = html.Remove(begin, end + End.Length - begin);
        }
        if (html.Contains(End, StringComparison.Ordinal))
            throw new FormatException($"an inline plotly.js block closes with {End} but never opens");
        return html;
    }
}
