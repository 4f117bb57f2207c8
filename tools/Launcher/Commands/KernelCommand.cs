namespace MnistCourse.Launcher.Commands;

/// <summary>`./course kernel`: being written (see the open issue); until then it says so instead of pretending.</summary>
internal static class KernelCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("course kernel: not available yet in this version of the course.");
        return 2;
    }
}
