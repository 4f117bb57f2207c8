namespace MnistCourse.Notebooks.Running;

/// <summary>A parameter override that cannot be applied (unknown name, value of the wrong type, no parameters cell).</summary>
public sealed class ParameterException(string message) : Exception(message);
