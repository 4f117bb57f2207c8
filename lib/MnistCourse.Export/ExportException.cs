namespace MnistCourse.Export;

/// <summary>A notebook that cannot become a program as it is. The message names the notebook, the cell and the line.</summary>
public sealed class ExportException(string message) : Exception(message);
