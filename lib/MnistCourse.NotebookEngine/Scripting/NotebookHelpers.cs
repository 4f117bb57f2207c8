using Microsoft.AspNetCore.Html;
using MnistCourse.NotebookEngine.Execution;

namespace MnistCourse.NotebookEngine.Scripting;

/// <summary>
/// The helpers lessons call, with the names and shapes of the .NET Interactive C# kernel's, so a notebook runs
/// unchanged in VS Code (Polyglot) and here. Every cell has <c>using static</c> for this class.
/// </summary>
public static class NotebookHelpers
{
    /// <summary>Shows <paramref name="value"/> now, as display_data; pass mime types to choose the representation.</summary>
    public static DisplayedValue display(object? value, params string[] mimeTypes)
    {
        var scope = ExecutionScope.Current
                    ?? throw new InvalidOperationException("display() can only be used from code running in a notebook cell");
        return scope.Session.Display(value, mimeTypes, scope.Observer);
    }

    /// <summary><c>value.Display()</c>, as in .NET Interactive.</summary>
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => display(value, mimeTypes);

    /// <summary>Marks a string as HTML, shown as text/html.</summary>
    public static IHtmlContent HTML(string content) => new HtmlString(content);
}
