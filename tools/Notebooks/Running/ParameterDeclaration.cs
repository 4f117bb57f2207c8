namespace MnistCourse.Notebooks.Running;

/// <summary>A <c>type name = value;</c> declaration found in the parameters cell.</summary>
public sealed record ParameterDeclaration(string Name, string TypeName, string DefaultExpression);
