namespace MnistCourse.Kernel.Connection;

/// <summary>A connection file the kernel cannot use; the message names the file and what is wrong with it.</summary>
public sealed class ConnectionFileException(string path, string problem) : Exception($"connection file {path} {problem}");
