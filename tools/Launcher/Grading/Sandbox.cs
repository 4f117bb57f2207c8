namespace MnistCourse.Launcher.Grading;

/// <summary>
/// Where a learner's notebook runs. Always its own process, started with a clean environment (none of the grader's
/// variables, tokens included). With bubblewrap (<c>bwrap</c>) also: no network, every file read-only, the other
/// learners' folders, the gradebook's folder and the home folder hidden, and only the learner's own working folder
/// writable — so a notebook cannot write the gradebook or another learner's results. Without it, one line says so.
/// </summary>
internal sealed class Sandbox
{
    public static readonly SystemTool Bubblewrap =
        SystemTool.Program("bwrap", "the grading sandbox (learners' code with no network, writing only its own folder)", "bubblewrap");

    private readonly IReadOnlyList<string> _hidden;
    private readonly IReadOnlyList<string> _readable;

    /// <param name="enabled">Whether to run in bwrap.</param>
    /// <param name="hidden">Folders a notebook must not see (the class, the gradebook's folder): an empty read-only tmpfs over each.</param>
    /// <param name="readable">Folders it needs under the hidden ones (the course's built library and runner, MNIST, the
    /// NuGet packages), bound back read-only at the same path.</param>
    public Sandbox(bool enabled, IReadOnlyList<string> hidden, IReadOnlyList<string> readable)
    {
        Enabled = enabled;
        _hidden = hidden;
        _readable = readable;
    }

    public bool Enabled { get; }

    /// <summary>
    /// The start of <paramref name="program"/> with <paramref name="arguments"/>, in <paramref name="workFolder"/> (the
    /// only writable place), with exactly <paramref name="environment"/>; <paramref name="extraBinds"/> are read-only
    /// binds (source → target) made inside it, e.g. the course's library where the notebook's <c>#r</c> looks.
    /// </summary>
    public ExternalProgram Start(string program, IReadOnlyList<string> arguments, string workFolder,
                                 IReadOnlyDictionary<string, string> environment, IReadOnlyList<(string Source, string Target)> extraBinds)
    {
        if (!Enabled)
        {
            foreach (var (source, target) in extraBinds)
                if (!Directory.Exists(target)) Directory.CreateSymbolicLink(target, source);
            return new ExternalProgram(program, arguments)
            {
                WorkingDirectory = workFolder,
                InheritEnvironment = false,
                Environment = environment.ToDictionary(e => e.Key, e => (string?)e.Value),
            };
        }
        foreach (var (_, target) in extraBinds) Directory.CreateDirectory(target);   // the mount point, in the writable folder
        // bwrap itself starts with no variables (--clearenv) and gives the notebook exactly `environment` (--setenv).
        return new ExternalProgram("bwrap", [.. BwrapArguments(workFolder, environment, extraBinds), program, .. arguments])
        {
            WorkingDirectory = workFolder,
            InheritEnvironment = false,
            Environment = new Dictionary<string, string?> { ["PATH"] = environment.GetValueOrDefault("PATH") },
        };
    }

    /// <summary>bwrap's options; later mounts go over earlier ones, so: all read-only, hide, bind back, then the work folder.</summary>
    internal List<string> BwrapArguments(string workFolder, IReadOnlyDictionary<string, string> environment,
                                         IReadOnlyList<(string Source, string Target)> extraBinds)
    {
        List<string> args = ["--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
                             "--unshare-all", "--die-with-parent", "--new-session", "--clearenv"];
        foreach (var folder in _hidden.Where(Directory.Exists)) args.AddRange(["--tmpfs", folder]);
        foreach (var folder in _readable.Where(Directory.Exists)) args.AddRange(["--ro-bind", folder, folder]);
        args.AddRange(["--bind", workFolder, workFolder]);
        foreach (var (source, target) in extraBinds) args.AddRange(["--ro-bind", source, target]);
        // Hidden folders are empty and read-only (the mount points made in them above keep their own modes): a write
        // there fails, rather than seeming to succeed in memory.
        foreach (var folder in _hidden.Where(Directory.Exists)) args.AddRange(["--remount-ro", folder]);
        foreach (var (name, value) in environment) args.AddRange(["--setenv", name, value]);
        args.AddRange(["--chdir", workFolder]);
        return args;
    }

    /// <summary>Whether bwrap can make a sandbox here (a container may forbid the namespaces it needs); null when it can, else why not.</summary>
    public static string? Probe()
    {
        var (exit, output) = ChildProcess.Capture("bwrap", ["--ro-bind", "/", "/", "--dev", "/dev", "--unshare-all", "--die-with-parent", "true"]);
        return exit == 0 ? null : output.Split('\n')[0];
    }
}
