namespace MnistCourse.Notebooks.Format;

/// <summary>The file is not a notebook this engine can read. The message names the file and what is wrong with it.</summary>
public sealed class NotebookFormatException : Exception
{
    public NotebookFormatException(string source, string problem, Exception? inner = null)
        : base($"{source}: {problem}", inner)
    {
        Source = source;
        Problem = problem;
    }

    /// <summary>The file (or other source name) that was being read.</summary>
    public new string Source { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }
}
