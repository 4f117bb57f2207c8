using System.Globalization;

namespace MnistCourse.Runner;

/// <summary>The parsed command line (see <see cref="Usage"/>).</summary>
internal sealed record CommandLine(
    string Command,
    string Notebook,
    string? Out,
    bool InPlace,
    bool Quick,
    IReadOnlyList<KeyValuePair<string, string>> Sets,
    TimeSpan CellTimeout)
{
    public const string Usage = """
        MnistCourse.Runner: runs a C# Polyglot notebook headless and writes the executed copy.

        Usage:
          MnistCourse.Runner run NOTEBOOK [--out PATH | --in-place] [--quick] [--set name=value]... [--cell-timeout SECONDS]
          MnistCourse.Runner inject NOTEBOOK --out PATH [--quick] [--set name=value]...
          MnistCourse.Runner --help

        Commands:
          run      Execute every C# cell top to bottom (markdown cells are skipped) and write the executed notebook.
          inject   Only inject parameters (no execution), e.g. to drive the notebook with another kernel.

        Options:
          --out PATH              Where the executed (or injected) notebook is written.
                                  Default for run: <repo>/artifacts/<path of the notebook inside the repo>, where <repo> is the
                                  nearest folder above the notebook that holds MnistCourse.sln; outside a repo,
                                  <notebook folder>/artifacts/<name>.ipynb. Required for inject.
          --in-place              Write the executed notebook over the source notebook.
          --quick                 Apply the overrides in the notebook's metadata.mnistcourse.quick (name -> JSON value).
          --set name=value        Override a parameter of the cell tagged "parameters" (repeatable; wins over --quick).
                                  The value is converted to the declared type (int, double, bool, string, ...);
                                  for other types it is used as a C# expression.
          --cell-timeout SECONDS  Per-cell time limit (default 1800). On timeout the cell gets an error and the run ends.

        Parameters are injected the papermill way: a new cell tagged "injected-parameters" right after the
        "parameters" cell. Cells run in the notebook's folder (the current directory is set to it).
        Progress goes to stderr, one line per cell; cell console output is echoed live.

        Exit codes: 0 every cell ran; 1 a cell failed or timed out (the written notebook holds the error);
                    2 bad input (missing or malformed notebook, unknown option or parameter).
        """;

    public static CommandLine? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help") return null;
        var command = args[0];
        if (command is not ("run" or "inject"))
            throw new UsageException($"unknown command '{command}'; use 'run' or 'inject' (see --help)");

        string? notebook = null, output = null;
        var inPlace = false;
        var quick = false;
        var sets = new List<KeyValuePair<string, string>>();
        var timeout = TimeSpan.FromSeconds(1800);
        for (var i = 1; i < args.Length; i++)
        {
            var arg = args[i];
            string Value()
            {
                if (i + 1 >= args.Length) throw new UsageException($"option {arg} needs a value (see --help)");
                return args[++i];
            }

            switch (arg)
            {
                case "-h" or "--help":
                    return null;
                case "--out" or "-o":
                    output = Value();
                    break;
                case "--in-place":
                    inPlace = true;
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--set" or "-p":
                    var pair = Value();
                    var eq = pair.IndexOf('=');
                    if (eq <= 0) throw new UsageException($"--set expects name=value, got '{pair}'");
                    sets.Add(KeyValuePair.Create(pair[..eq].Trim(), pair[(eq + 1)..]));
                    break;
                case "--cell-timeout":
                    var text = Value();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                        throw new UsageException($"--cell-timeout expects a positive number of seconds, got '{text}'");
                    timeout = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    if (arg.StartsWith('-')) throw new UsageException($"unknown option '{arg}' (see --help)");
                    if (notebook is not null) throw new UsageException($"only one notebook per run; got '{notebook}' and '{arg}'");
                    notebook = arg;
                    break;
            }
        }

        if (notebook is null) throw new UsageException($"'{command}' needs a NOTEBOOK path (see --help)");
        if (inPlace && output is not null) throw new UsageException("use either --out or --in-place, not both");
        if (command == "inject" && output is null && !inPlace) throw new UsageException("inject needs --out PATH");
        if (command == "inject" && args.Contains("--cell-timeout")) throw new UsageException("--cell-timeout only applies to 'run'");
        return new CommandLine(command, notebook, output, inPlace, quick, sets, timeout);
    }
}
