namespace MnistCourse.Notebooks.Format;

/// <summary>The nbformat cell types.</summary>
public enum CellType
{
    Code,
    Markdown,
    Raw,
}
