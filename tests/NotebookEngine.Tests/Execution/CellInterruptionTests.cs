using MnistCourse.NotebookEngine.Tests.Support;
using MnistCourse.NotebookEngine.Execution;
using MnistCourse.NotebookEngine.Scripting;

namespace MnistCourse.NotebookEngine.Tests.Engine;

/// <summary>
/// The engine's cooperative interrupt, which the kernel's interrupt_request relies on: loops in cell code get an
/// interruption point, library code sees the cell's token, and nothing else about the cell changes (line numbers of
/// errors and stack traces, results, cells run without a token).
/// </summary>
[Trait("Speed", "Slow")]
public class CellInterruptionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static async Task<(CellOutcome Outcome, RecordingObserver Observer)> Run(CSharpSession session, string code, CancellationToken token = default)
    {
        var observer = new RecordingObserver();
        var outcome = await session.ExecuteAsync(code, "cell 1", observer, token).WaitAsync(Patience);
        return (outcome, observer);
    }

    [Theory]
    [InlineData("while (true)\n    n++;")]
    [InlineData("for (;;) { n++; }")]
    [InlineData("do n++; while (true); // spin")]
    [InlineData("foreach (var _ in Enumerable.Repeat(0, int.MaxValue))\n    foreach (var __ in new[] { 1, 2 }) n++;")]
    [InlineData("void Spin() { while (true) n++; }\nSpin();")]
    [InlineData("await Task.Run(() => { while (true) n++; });")]
    public async Task An_interrupt_stops_a_loop_and_the_session_stays_usable(string loop)
    {
        using var session = new CSharpSession();
        using var interrupt = new CancellationTokenSource();
        var observer = new RecordingObserver();
        var execution = session.ExecuteAsync("long n = 0;\nConsole.WriteLine(\"looping\");\n" + loop, "cell 1", observer, interrupt.Token);
        await observer.Printed.WaitAsync(Patience); // interrupt a cell that is running (one interrupted before it starts never ran)
        await Task.Delay(200);
        interrupt.Cancel();
        var outcome = await execution.WaitAsync(Patience);

        Assert.False(outcome.Succeeded);
        Assert.Equal("System.OperationCanceledException", outcome.Error!.EName);
        Assert.Equal("The cell was interrupted.", outcome.Error.EValue);
        Assert.Single(observer.Of<ExecutionError>("error"));
        Assert.DoesNotContain(outcome.Error.Traceback, line => line.Contains("CellInterruption"));

        var (next, result) = await Run(session, "n > 0");
        Assert.True(next.Succeeded, next.Error?.ToString());
        Assert.Equal("True", result.Of<DisplayData>("execute_result").Single().Data["text/plain"]);
    }

    [Fact]
    public async Task Library_code_sees_its_own_cells_token_under_the_courses_AppContext_key()
    {
        using var session = new CSharpSession();
        using var interrupt = new CancellationTokenSource();
        var code = $"""
            var runningCell = (Func<System.Threading.CancellationToken>)AppContext.GetData("{CellCancellation.Key}");
            runningCell().CanBeCanceled
            """;
        var (outcome, observer) = await Run(session, code, interrupt.Token);
        Assert.True(outcome.Succeeded, outcome.Error?.ToString());
        Assert.Equal("True", observer.Of<DisplayData>("execute_result").Single().Data["text/plain"]);
        // Outside any cell (this test's own flow) the running cell's token is none.
        var outside = Assert.IsType<Func<CancellationToken>>(AppContext.GetData(CellCancellation.Key));
        Assert.False(outside().CanBeCanceled);
    }

    [Fact]
    public async Task Interruption_points_keep_line_numbers_of_compile_errors_and_stack_traces()
    {
        using var session = new CSharpSession();
        var (compile, _) = await Run(session, "for (int i = 0; i < 3; i++)\n{\n    int x = \"text\";\n}");
        Assert.Equal("CompilationError", compile.Error!.EName);
        Assert.Contains("cell 1, line 3, column 13", compile.Error.EValue);

        var (thrown, _) = await Run(session, "var items = new[] { 1, 2, 0 };\nforeach (var item in items)\n    Console.WriteLine(10 / item); // divides\nConsole.WriteLine(\"never\");");
        Assert.Equal("System.DivideByZeroException", thrown.Error!.EName);
        Assert.Contains(thrown.Error.Traceback, line => line.Contains("cell 1, line 3") && line.Contains("10 / item"));
    }

    [Fact]
    public async Task Loops_run_unchanged_without_an_interrupt()
    {
        using var session = new CSharpSession();
        var (outcome, observer) = await Run(session, """
            var total = 0;
            for (int i = 0; i < 10; i++) total += i; // a comment after a loop body
            int k = 0;
            do k++; while (k < 5);
            while (k < 8) { k++; }
            foreach (var (a, b) in new[] { (1, 2), (3, 4) }) total += a * b;
            IEnumerable<int> Evens() { for (int e = 0; e < 6; e += 2) yield return e; }
            $"{total} {k} {string.Join(",", Evens())}"
            """);
        Assert.True(outcome.Succeeded, outcome.Error?.ToString());
        Assert.Equal("59 8 0,2,4", observer.Of<DisplayData>("execute_result").Single().Data["text/plain"]);
    }
}
