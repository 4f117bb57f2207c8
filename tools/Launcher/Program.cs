using MnistCourse.Launcher.Commands;

// ./course COMMAND …  — the bash script builds the solution, then hands over here.
var root = new RootCommand("The MnistCourse: run the lessons headless, test, reproduce the tutorials over seeds, and more.")
{
    RunCommand.Command, ReproduceCommand.Command, TestCommand.Command, SetupCommand.Command, DoctorCommand.Command,
    BenchCommand.Command, ExportCommand.Command, SiteCommand.Command, KernelCommand.Command, GradeCommand.Command,
};
root.HelpName = "./course";
return await root.RunAsync(args);
