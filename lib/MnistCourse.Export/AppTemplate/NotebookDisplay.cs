// Part of every app `./course export` writes (lib/MnistCourse.Export embeds this file and copies it in verbatim).
// A real C# file so the compiler and the IDE see it: Export.Tests compiles it with a generated lesson part.

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
