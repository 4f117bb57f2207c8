using MnistCourse.Site;

namespace MnistCourse.Launcher.Commands;

/// <summary>`./course site`: the executed notebooks listed in results.json as index.html plus one page per lesson.</summary>
internal static class SiteCommand
{
    private static readonly Option<string> Artifacts = new("--artifacts") { Description = "Where the executed notebooks and results.json are (default: artifacts/).", HelpName = "DIR" };
    private static readonly Option<string> Output = new("--out") { Description = "Where the site goes (default: <artifacts>/site).", HelpName = "DIR" };

    public static readonly Command Command = new Command("site",
        "Render the executed notebooks to a static site: artifacts/site/ (run does it too).")
    { Artifacts, Output }.WithAction(Run);

    private static int Run(ParseResult parsed)
    {
        var artifacts = parsed.GetValue(Artifacts) ?? Repo.Artifacts;
        using var writer = ArtifactsLock.Take(artifacts, "site");
        Console.WriteLine(CourseSite.Build(artifacts, parsed.GetValue(Output) ?? Path.Combine(artifacts, "site")));
        return 0; // a SiteBuildException names the missing piece; ./course reports it and exits 1
    }
}
