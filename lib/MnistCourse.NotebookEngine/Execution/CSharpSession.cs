using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.CodeAnalysis.Scripting.Hosting;
using MnistCourse.NotebookEngine.Execution.Errors;
using MnistCourse.NotebookEngine.Execution.Formatting;
using MnistCourse.NotebookEngine.Execution.Packages;
using MnistCourse.NotebookEngine.Scripting;

namespace MnistCourse.NotebookEngine.Execution;

/// <summary>
/// A C# notebook session, like the Polyglot C# kernel: cells are Roslyn script submissions chained on one another
/// (<c>ScriptState.ContinueWith</c>), so each cell sees the variables, types and usings of the cells before it, and a
/// trailing expression without ';' is the cell's result. Directives (<c>#r "nuget: …"</c>, <c>#i</c>, <c>#r "x.dll"</c>,
/// <c>#!time</c>) are handled before compiling. Outputs go to the <see cref="IExecutionObserver"/> passed per cell.
/// Cells run one at a time, each on its own thread, so a front can wait with a timeout even when user code blocks.
/// </summary>
public sealed class CSharpSession : IDisposable
{
    /// <summary>The usings of every cell: the .NET Interactive C# kernel's defaults plus the display helpers.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks", "System.Net.Http",
        "Microsoft.DotNet.Interactive.Formatting", "MnistCourse.NotebookEngine.Scripting", typeof(NotebookHelpers).FullName!,
    ];

    /// <summary>How cell code is parsed (scripts: top-level statements, a trailing expression, #r).</summary>
    public static readonly CSharpParseOptions ScriptParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private readonly SemaphoreSlim _oneCellAtATime = new(1, 1);
    private readonly InteractiveAssemblyLoader _assemblyLoader = new();
    private readonly PackageAssemblyResolver _packageResolver = new();
    private readonly NuGetRestorer _restorer = new();
    private readonly SubmissionRegistry _submissions = new();
    private readonly OutputFormatter _formatter = new();
    private readonly HashSet<string> _referencedAssemblyNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly string _baseDirectory;
    private readonly string _documentName;
    private List<string> _sources = [];
    private ScriptOptions _options;
    private ScriptState<object>? _state;
    private int _submissionCount;

    /// <param name="baseDirectory">The notebook's folder: relative <c>#r "x.dll"</c> paths and <c>#i</c> folder sources
    /// resolve against it. Defaults to the current directory.</param>
    /// <param name="documentName">The notebook's file name (without folder), naming the cells in stack traces.</param>
    public CSharpSession(string? baseDirectory = null, string documentName = "notebook")
    {
        _baseDirectory = Path.GetFullPath(baseDirectory ?? Environment.CurrentDirectory);
        _documentName = documentName;
        RuntimeHelpers.RunClassConstructor(typeof(ConsoleCapture).TypeHandle); // installs the console routing
        CellDisplayRouting.EnsurePublished();   // library code's rich outputs (CellDisplay) land in the running cell
        var references = FrameworkReferences.Create();
        foreach (var reference in references)
            if (reference.Display is { } path) _referencedAssemblyNames.Add(Path.GetFileNameWithoutExtension(path));
        _options = ScriptOptions.Default
            .WithReferences(references)
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_baseDirectory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(_baseDirectory))
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithOptimizationLevel(OptimizationLevel.Debug) // as Polyglot; optimized code loses the line of some frames
            .WithEmitDebugInformation(true) // cell line numbers in stack traces
            .WithFileEncoding(Encoding.UTF8)
            .WithAllowUnsafe(true);
    }

    /// <summary>The packages loaded so far (after kernel-extension substitution).</summary>
    public IReadOnlyList<PackageRequest> Packages { get; private set; } = [];

    /// <summary>The value of a variable declared by an earlier cell (for a kernel's inspection requests).</summary>
    public bool TryGetVariable(string name, out object? value)
    {
        var variable = _state?.GetVariable(name);
        value = variable?.Value;
        return variable is not null;
    }

    /// <summary>
    /// Runs one cell. <paramref name="cellName"/> names the cell in error tracebacks ("cell 4", "In[3]").
    /// Outputs are reported to <paramref name="observer"/> as they happen; the outcome says whether the cell succeeded.
    /// The task never faults for user errors: those are reported as <see cref="ExecutionError"/>s.
    /// Cancelling <paramref name="cancellationToken"/> interrupts the cell cooperatively (loops in cell code and library
    /// code that checks <see cref="CellCancellation"/>); the cell then fails with
    /// <see cref="ErrorReport.Interrupted"/>'s error and the session stays usable.
    /// </summary>
    public Task<CellOutcome> ExecuteAsync(string code, string cellName, IExecutionObserver observer, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(
            () => ExecuteSeriallyAsync(code, cellName, observer, cancellationToken),
            CancellationToken.None, // always start, so an interrupt before the start still ends in an outcome
            TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default).Unwrap();

    /// <summary>
    /// The compilation <paramref name="code"/> would have as the next cell, without running it (for a kernel's
    /// completion and inspection requests). Its last syntax tree is the code with directive lines blanked: same lines,
    /// so a (line, column) of the cell maps onto it.
    /// </summary>
    public Compilation PreviewCompilation(string code)
    {
        var previous = _state?.Script ?? CSharpScript.Create("", _options, globalsType: null, _assemblyLoader);
        return previous.ContinueWith(CellDirectives.Parse(code).Code, _options).GetCompilation();
    }

    private async Task<CellOutcome> ExecuteSeriallyAsync(string code, string cellName, IExecutionObserver observer, CancellationToken cancellationToken)
    {
        CellOutcome Fail(ExecutionError error)
        {
            observer.OnError(error);
            return new CellOutcome(error);
        }
        ExecutionError Thrown(Exception e) => e is OperationCanceledException && cancellationToken.IsCancellationRequested
            ? ErrorReport.Interrupted(e, _submissions, cellName)
            : ErrorReport.FromException(e, _submissions, cellName);

        try
        {
            await _oneCellAtATime.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return Fail(ErrorReport.Interrupted(null, _submissions, cellName));
        }
        var clock = Stopwatch.StartNew();
        try
        {
            new ExecutionScope(this, observer, cancellationToken).Enter();
            using var interruption = CellInterruption.Arm(cancellationToken);
            var directives = CellDirectives.Parse(code);
            if (directives.ForeignLanguage is { } language) return Fail(ErrorReport.UnsupportedLanguage(cellName, language));
            if (directives.Problems.Count > 0)
            {
                var (line, message) = directives.Problems[0];
                return Fail(ErrorReport.Simple("DirectiveError", cellName, $"{cellName}, line {line}: {message}"));
            }
            if (await LoadPackagesAsync(directives, cancellationToken) is { } packageError)
                return Fail(ErrorReport.Simple("NuGetRestoreError", cellName, packageError));
            _state ??= await CSharpScript.Create("", _options, globalsType: null, _assemblyLoader).RunAsync(cancellationToken: cancellationToken);

            var path = Path.Combine(_baseDirectory, $"{_documentName}.submission{++_submissionCount}.csx");
            var cellOptions = _options.WithFilePath(path);
            var interruptible = InterruptionPoints.Insert(directives.Code);
            var script = _state.Script.ContinueWith(interruptible, cellOptions);
            var errors = Errors(script, cancellationToken);
            if (errors.Count > 0 && !ReferenceEquals(interruptible, directives.Code))
            {
                // Report errors against the code as written (columns too); and should the rewrite ever break valid
                // code, run the cell as written, only without interruption points.
                script = _state.Script.ContinueWith(directives.Code, cellOptions);
                errors = Errors(script, cancellationToken);
            }
            _submissions.Add(path, script.GetCompilation().ScriptClass!.Name, cellName, directives.Code);
            if (errors.Count > 0) return Fail(ErrorReport.FromDiagnostics(errors, _submissions));
            var hasResult = TrailingExpression.HasValue(script.GetCompilation());

            // Keep the state even when the cell throws: what it declared before the exception stays usable, as in Polyglot.
            // Interruption happens inside the cell (CellInterruption), so its exception is caught like any other and the
            // state survives; a token given to Roslyn would make it rethrow and drop the cell's variables.
            cancellationToken.ThrowIfCancellationRequested();
            _state = await script.RunFromAsync(_state, _ => true, CancellationToken.None);
            if (_state.Exception is { } exception) return Fail(Thrown(exception));

            if (hasResult) observer.OnExecuteResult(new DisplayData(_formatter.Format(_state.ReturnValue, [], forcePlotlyJs: false, out _)));
            if (directives.Time) observer.OnStream(StreamName.Stdout, $"Wall time: {clock.Elapsed.TotalMilliseconds:F0} ms\n");
            return CellOutcome.Success;
        }
        catch (Exception e)
        {
            return Fail(Thrown(e)); // an interrupt during restore, compilation or the start is reported as one
        }
        finally
        {
            _oneCellAtATime.Release();
        }
    }

    private static List<Diagnostic> Errors(Script script, CancellationToken cancellationToken) =>
        script.Compile(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Restores the cell's packages together with all earlier ones and makes them usable; returns an error message or null.</summary>
    private async Task<string?> LoadPackagesAsync(CellDirectives directives, CancellationToken cancellationToken)
    {
        // URLs as given; folders relative to the notebook
        var sources = _sources.Union(directives.Sources.Select(source => Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile
            ? source
            : Path.GetFullPath(Path.Combine(_baseDirectory, source)))).ToList();

        var requested = new List<PackageRequest>();
        foreach (var original in directives.Packages)
        {
            // substituted silently: the setup cell's output is one line
            var request = KernelExtensionSubstitutes.Substitute(original);
            if (Packages.FirstOrDefault(p => SameId(p, request)) is { } loaded)
            {
                if (request.Version is null || string.Equals(request.Version, loaded.Version, StringComparison.OrdinalIgnoreCase)) continue;
                return $"package {request.Id} {loaded.Version} is already loaded in this session; it cannot also be loaded as version {request.Version} (restart the notebook to change versions)";
            }
            if (!requested.Any(r => SameId(r, request))) requested.Add(request);
        }
        if (requested.Count == 0 && sources.Count == _sources.Count) return null;

        var result = await _restorer.RestoreAsync([.. Packages, .. requested], sources, cancellationToken);
        if (!result.Succeeded) return result.Error; // nothing of this cell is kept, so later cells can still restore
        _sources = sources;
        Packages = [.. Packages, .. requested];

        foreach (var assembly in _packageResolver.Add(result.Packages))
            _assemblyLoader.RegisterDependency(assembly);

        var newReferences = result.Packages.SelectMany(p => p.CompileAssemblies)
            .Where(path => _referencedAssemblyNames.Add(Path.GetFileNameWithoutExtension(path)))
            .Select(path => MetadataReference.CreateFromFile(path)).ToList();
        if (newReferences.Count > 0) _options = _options.AddReferences(newReferences);
        return null;
    }

    private static bool SameId(PackageRequest a, PackageRequest b) => string.Equals(a.Id, b.Id, StringComparison.OrdinalIgnoreCase);

    /// <summary>Shows a value as display_data with a fresh display id (the engine side of <c>display(...)</c>).</summary>
    internal DisplayedValue Display(object? value, IReadOnlyList<string> mimeTypes, IExecutionObserver observer)
    {
        var data = _formatter.Format(value, mimeTypes, forcePlotlyJs: false, out var carriesPlotlyJs);
        var id = Guid.NewGuid().ToString("N");
        observer.OnDisplayData(new DisplayData(data, id));
        // If this output carried the page's only copy of plotly.js, its replacements must carry it too.
        return new DisplayedValue(id, updated => _formatter.Format(updated, mimeTypes, forcePlotlyJs: carriesPlotlyJs, out _), observer);
    }

    public void Dispose()
    {
        _packageResolver.Dispose();
        _assemblyLoader.Dispose();
        _oneCellAtATime.Dispose();
    }
}
