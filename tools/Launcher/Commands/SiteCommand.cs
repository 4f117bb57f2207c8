using MnistCourse.Launcher.Support;
using MnistCourse.Site;

namespace MnistCourse.Launcher.Commands;

/// <summary>
/// `./course site [--artifacts DIR] [--out DIR]`: render the executed notebooks of the last `./course run` (listed in
/// artifacts/results.json) to a static site, artifacts/site/ by default: index.html plus one page per lesson.
/// </summary>
internal static class SiteCommand
{
    public static int Run(string[] args)
    {
        string? artifacts = null, output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--artifacts" when i + 1 < args.Length: artifacts = args[++i]; break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                default:
                    Console.Error.WriteLine($"course site: unknown argument '{args[i]}'. Usage: ./course site [--artifacts DIR] [--out DIR]");
                    return 2;
            }
        }
        artifacts ??= Repo.Artifacts;
        output ??= Path.Combine(artifacts, "site");
        try
        {
            var summary = CourseSite.Build(artifacts, output);
            Console.WriteLine(summary);
            return 0;
        }
        catch (SiteBuildException e)
        {
            Console.Error.WriteLine($"course site: {e.Message}");
            return 1;
        }
    }
}
