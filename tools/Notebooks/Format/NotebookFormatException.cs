namespace MnistCourse.Notebooks.Format;

/// <summary>The file is not a notebook this engine can read. The message names the file and what is wrong with it.</summary>
public sealed class NotebookFormatException(string source, string problem, Exception? inner = null)
    : Exception($"{source}: {problem}", inner);
