namespace MnistCourse.Notebooks.Engine;

/// <summary>The two console streams, named as nbformat names them (<see cref="StreamNames.ToJupyter"/>).</summary>
public enum StreamName
{
    Stdout,
    Stderr,
}

public static class StreamNames
{
    public static string ToJupyter(this StreamName stream) => stream == StreamName.Stdout ? "stdout" : "stderr";
}
