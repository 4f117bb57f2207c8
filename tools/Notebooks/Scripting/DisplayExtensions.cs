namespace MnistCourse.Notebooks.Scripting;

/// <summary><c>value.Display()</c>, as in .NET Interactive.</summary>
public static class DisplayExtensions
{
    public static DisplayedValue Display(this object? value, params string[] mimeTypes) => NotebookHelpers.display(value, mimeTypes);
}
