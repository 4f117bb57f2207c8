using MnistCourse.Notebooks.Format;
using MnistCourse.Notebooks.Running;
using MnistCourse.Runner;

// One notebook per process: the engine redirects Console and hooks assembly loading process-wide, and a timed-out
// cell can only be stopped by ending the process.
return await Run(args);

static async Task<int> Run(string[] args)
{
    CommandLine? command;
    try
    {
        command = CommandLine.Parse(args);
    }
    catch (UsageException e)
    {
        Console.Error.WriteLine($"MnistCourse.Runner: {e.Message}");
        return 2;
    }
    if (command is null)
    {
        Console.Out.WriteLine(CommandLine.Usage);
        return 0;
    }

    var notebookPath = Path.GetFullPath(command.Notebook);
    Notebook notebook;
    try
    {
        notebook = Notebook.Load(notebookPath);
        var overrides = new List<KeyValuePair<string, ParameterValue>>();
        if (command.Quick)
        {
            var quick = ParameterInjector.QuickOverrides(notebook);
            if (quick.Count == 0)
                Console.Error.WriteLine($"[{Path.GetFileName(notebookPath)}] --quick: the notebook has no metadata.mnistcourse.quick overrides; running with its defaults");
            overrides.AddRange(quick);
        }
        overrides.AddRange(command.Sets.Select(s => KeyValuePair.Create(s.Key, ParameterValue.FromCommandLine(s.Value))));
        ParameterInjector.Inject(notebook, overrides);
    }
    catch (NotebookFormatException e)
    {
        Console.Error.WriteLine($"MnistCourse.Runner: {e.Message} (fix or re-save the notebook)");
        return 2;
    }
    catch (ParameterException e)
    {
        Console.Error.WriteLine($"MnistCourse.Runner: {e.Message}");
        return 2;
    }

    var output = command.InPlace ? notebookPath : Path.GetFullPath(command.Out ?? CoursePaths.ExecutedCopy(notebookPath));
    if (command.Command == "inject")
    {
        notebook.Save(output);
        Console.Error.WriteLine($"[{Path.GetFileName(notebookPath)}] parameters injected -> {output}");
        return 0;
    }

    // Lessons use paths relative to their own folder, as they do in VS Code; and nothing may wait for keyboard input.
    var folder = Path.GetDirectoryName(notebookPath)!;
    Environment.CurrentDirectory = folder;
    Console.SetIn(TextReader.Null);

    var runner = new NotebookRunner(new NotebookRunOptions { CellTimeout = command.CellTimeout, Progress = Console.Error });
    var result = await runner.RunAsync(notebook, folder, output);
    Console.Error.WriteLine($"[{Path.GetFileName(notebookPath)}] executed notebook -> {output}");
    var code = result.Status == NotebookRunStatus.Succeeded ? 0 : 1;
    Console.Out.Flush();
    Console.Error.Flush();
    // A timed-out cell's thread is still running user code; only ending the process stops it.
    Environment.Exit(code);
    return code;
}
