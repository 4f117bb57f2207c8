using Xunit;

namespace MnistCourse.TestSupport;

/// <summary>
/// Runs a program to the end with a time limit and its stdin closed, capturing its output, through the course's one
/// process helper (<see cref="ExternalProgram"/>). On timeout the process tree is ended and the test fails with the
/// output so far.
/// </summary>
public static class ProcessRun
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
    {
        public string Both => $"--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

        public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0} s\n{Both}";
    }

    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    /// <param name="workingDirectory">The repository's root when not given.</param>
    public static Result Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
                             IReadOnlyDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        // The test host runs under MSBuild's environment, which would point a child's build (`dotnet run`) at the wrong SDK pieces.
        var program = new ExternalProgram(fileName, arguments.ToList())
        {
            WorkingDirectory = workingDirectory ?? RepoPaths.Root,
            Environment = environment ?? new Dictionary<string, string?>(),
            TimeLimit = timeout,
        }.WithoutMSBuildEnvironment();
        var result = program.Run();
        if (result.TimedOut)
            Assert.Fail($"{Path.GetFileName(fileName)} {string.Join(' ', program.Arguments)} did not finish within {timeout.TotalSeconds:0} s\n{result.Both}");
        return new Result(result.ExitCode, result.Output, result.Error, result.Elapsed);
    }
}
