namespace MnistCourse.Tests.Contracts;

/// <summary>Tests that change this process's environment variables: run alone, so no other test reads them changed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "changes the process environment";
}
