namespace MnistCourse.Launcher.Commands;

/// <summary>`./course site`: being written (see the open issue); until then it says so instead of pretending.</summary>
internal static class SiteCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("course site: not available yet in this version of the course.");
        return 2;
    }
}
