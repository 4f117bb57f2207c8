using MnistCourse.Launcher.Support;

namespace MnistCourse.Launcher.Commands;

/// <summary>`./course test`: every test project of the solution, then one line that sums them all.</summary>
internal static class TestCommand
{
    public static int Run(string[] args)
    {
        int setup = SetupCommand.Run(quiet: true);
        if (setup != 0) return setup;

        var results = Path.Combine(Repo.Artifacts, "test-results");
        if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
        // -m:1: one test project at a time; several train lessons, and two trainings on 2 cores only slow each other.
        var arguments = new List<string> { "test", "MnistCourse.sln", "-c", "Release", "--no-build", "--nologo", "-m:1",
            "--logger", "trx", "--logger", "console;verbosity=normal", "--results-directory", results };
        arguments.AddRange(args); // e.g. --filter …
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
}
