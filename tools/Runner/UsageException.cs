namespace MnistCourse.Runner;

/// <summary>Bad input: the message names the thing and the fix, and the process exits with code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
