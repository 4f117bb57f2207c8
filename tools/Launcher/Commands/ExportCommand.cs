namespace MnistCourse.Launcher.Commands;

/// <summary>`./course export`: being written (see the open issue); until then it says so instead of pretending.</summary>
internal static class ExportCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("course export: not available yet in this version of the course.");
        return 2;
    }
}
