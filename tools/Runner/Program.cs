using System.Globalization;
using MnistCourse.NotebookFormat;
using MnistCourse.NotebookEngine.Running;

// One notebook per process: the engine redirects Console and hooks assembly loading process-wide, and a timed-out
// cell can only be stopped by ending the process.
var notebookPath = new Argument<string>("NOTEBOOK") { Description = "The notebook (.ipynb)." }.RejectingOptions();
var output = new Option<string>("--out", "-o")
{
    HelpName = "PATH",
    Description = "Where the executed (or injected) notebook is written. Default for run: <repo>/artifacts/<path of the notebook " +
                  "inside the repo>, where <repo> is the nearest folder above the notebook that holds MnistCourse.sln; outside a repo, " +
                  "<notebook folder>/artifacts/<name>.ipynb. Required for inject.",
};
var inPlace = new Option<bool>("--in-place") { Description = "Write the executed notebook over the source notebook." };
var quick = new Option<bool>("--quick") { Description = "Apply the overrides in the notebook's metadata.mnistcourse.quick (name -> JSON value)." };
var sets = new Option<string[]>("--set", "-p")
{
    HelpName = "name=value",
    Description = "Override a parameter of the cell tagged \"parameters\" (repeatable; wins over --quick). The value is converted to the " +
                  "declared type (int, double, bool, string, ...); for other types it is used as a C# expression.",
};
sets.Validators.Add(result =>
{
    foreach (var pair in result.GetValueOrDefault<string[]>().Where(p => p.IndexOf('=') <= 0))
        result.AddError($"--set expects name=value, got '{pair}'");
});
var cellTimeout = new Option<double>("--cell-timeout")
{
    HelpName = "SECONDS",
    Description = "Per-cell time limit. On timeout the cell gets an error and the run ends.",
    DefaultValueFactory = _ => 1800,
    CustomParser = result =>
    {
        var text = result.Tokens.Single().Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0) return seconds;
        result.AddError($"--cell-timeout expects a positive number of seconds, got '{text}'");
        return 0;
    },
};

var run = new Command("run", "Execute every C# cell top to bottom (markdown cells are skipped) and write the executed notebook.")
{
    notebookPath, output, inPlace, quick, sets, cellTimeout,
};
run.SetAction((parsed, _) => Execute(parsed, TimeSpan.FromSeconds(parsed.GetValue(cellTimeout))));
var inject = new Command("inject", "Only inject parameters (no execution), e.g. to drive the notebook with another kernel.")
{
    notebookPath, output, inPlace, quick, sets,
};
inject.SetAction((parsed, _) => Execute(parsed, cellTimeout: null));
foreach (var command in new[] { run, inject })
    command.Validators.Add(result =>
    {
        if (result.GetResult(output) is not null && result.GetValue(inPlace)) result.AddError("use either --out or --in-place, not both");
        else if (command == inject && result.GetResult(output) is null && !result.GetValue(inPlace)) result.AddError("inject needs --out PATH");
    });

var root = new RootCommand("""
    Runs a C# Polyglot notebook headless and writes the executed copy.
    Parameters are injected the papermill way: a new cell tagged "injected-parameters" right after the "parameters" cell.
    Cells run in the notebook's folder (the current directory is set to it). Progress goes to stderr, one line per cell;
    cell console output is echoed live.
    Exit codes: 0 every cell ran; 1 a cell failed or timed out (the written notebook holds the error);
                2 bad input (missing or malformed notebook, unknown option or parameter).
    """) { run, inject };
return await root.RunAsync(args);

// Runs the notebook (or, without a cell timeout, only injects its parameters) as the command line says.
async Task<int> Execute(ParseResult parsed, TimeSpan? cellTimeout)
{
    var path = Path.GetFullPath(parsed.GetValue(notebookPath)!);
    Notebook notebook;
    try
    {
        notebook = Notebook.Load(path);
        var overrides = new List<KeyValuePair<string, ParameterValue>>();
        if (parsed.GetValue(quick))
        {
            var quickOverrides = ParameterInjector.QuickOverrides(notebook);
            if (quickOverrides.Count == 0)
                Console.Error.WriteLine($"[{Path.GetFileName(path)}] --quick: the notebook has no metadata.mnistcourse.quick overrides; running with its defaults");
            overrides.AddRange(quickOverrides);
        }
        foreach (var pair in parsed.GetValue(sets) ?? [])
        {
            var eq = pair.IndexOf('=');
            overrides.Add(KeyValuePair.Create(pair[..eq].Trim(), ParameterValue.FromCommandLine(pair[(eq + 1)..])));
        }
        ParameterInjector.Inject(notebook, overrides);
    }
    catch (Exception e) when (e is NotebookFormatException or ParameterException)
    {
        Console.Error.WriteLine($"MnistCourse.Runner: {e.Message}{(e is NotebookFormatException ? " (fix or re-save the notebook)" : "")}");
        return 2;
    }

    var destination = parsed.GetValue(inPlace) ? path : Path.GetFullPath(parsed.GetValue(output) ?? CoursePaths.ExecutedCopy(path));
    if (cellTimeout is null)
    {
        notebook.Save(destination);
        Console.Error.WriteLine($"[{Path.GetFileName(path)}] parameters injected -> {destination}");
        return 0;
    }

    // Lessons use paths relative to their own folder, as they do in VS Code; and nothing may wait for keyboard input.
    var folder = Path.GetDirectoryName(path)!;
    Environment.CurrentDirectory = folder;
    Console.SetIn(TextReader.Null);

    var runner = new NotebookRunner(new NotebookRunOptions { CellTimeout = cellTimeout.Value, Progress = Console.Error });
    var result = await runner.RunAsync(notebook, folder, destination);
    Console.Error.WriteLine($"[{Path.GetFileName(path)}] executed notebook -> {destination}");
    var code = result.Status == NotebookRunStatus.Succeeded ? 0 : 1;
    Console.Out.Flush();
    Console.Error.Flush();
    // A timed-out cell's thread is still running user code; only ending the process stops it.
    Environment.Exit(code);
    return code;
}
