namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course test`: every test project of the solution, then one line that sums them all. --fast runs only the tests
/// without the <see cref="SlowTrait"/>, which need nothing but the build and MNIST.
/// </summary>
internal static class TestCommand
{
    /// <summary>The xunit trait of tests that train a network, run a lesson, or drive Jupyter or Chromium.</summary>
    public const string SlowTrait = "Speed=Slow";

    private static readonly Option<bool> Fast = new("--fast") { Description = "The unit tests only (no Jupyter, Chromium or lessons)." };
    private static readonly Option<string> Filter = new("--filter") { Description = "dotnet test's filter, e.g. FullyQualifiedName~Signal.", HelpName = "EXPRESSION" };

    public static readonly Command Command = new Command("test",
        "The whole test suite (installing the test tools first when missing); ends with \"N passed, N failed, N skipped\". " +
        "Other options go to dotnet test.")
    {
        Options = { Fast, Filter },
        TreatUnmatchedTokensAsErrors = false,
    }.WithAction(parsed => Run(parsed.GetValue(Fast), CombineFilter(parsed.GetValue(Fast), parsed.GetValue(Filter)), parsed.UnmatchedTokens));

    private static int Run(bool fast, string? filter, IReadOnlyList<string> passThrough)
    {
        int setup = SetupCommand.Run(quiet: true, forTests: !fast);
        if (setup != 0) return setup;

        var results = Path.Combine(Repo.Artifacts, fast ? "test-results-fast" : "test-results");
        if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
        // -m:1: one test project at a time; several train lessons, and two trainings on 2 cores only slow each other.
        var arguments = new List<string> { "test", CoursePaths.SolutionFile, "-c", "Release", "--no-build", "--nologo", "-m:1",
            "--logger", "trx", "--logger", "console;verbosity=normal", "--results-directory", results };
        if (filter is not null) arguments.AddRange(["--filter", filter]);
        arguments.AddRange(passThrough);
        int exit = ChildProcess.Run("dotnet", arguments);

        var counts = TestResults.Read(results);
        Console.WriteLine();
        if (counts.Files == 0)
        {
            Console.WriteLine("course test: no test results were written (did a test host crash? see the output above).");
            Console.WriteLine("0 passed, 1 failed");
            return 1;
        }
        Console.WriteLine($"{counts.Passed} passed, {counts.Failed} failed, {counts.Skipped} skipped");
        return exit != 0 || counts.Failed > 0 || counts.Total == 0 ? 1 : 0;
    }

    internal static string? CombineFilter(bool fast, string? own)
    {
        var notSlow = SlowTrait.Replace("=", "!=");
        return !fast ? own : own is null ? notSlow : $"({notSlow})&({own})";
    }
}
