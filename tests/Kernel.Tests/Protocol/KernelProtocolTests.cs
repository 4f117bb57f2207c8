using MnistCourse.Kernel.Tests.Support;

namespace MnistCourse.Kernel.Tests.Protocol;

/// <summary>
/// The kernel driven over ZeroMQ by jupyter_client (Jupyter's own client), started through the installed kernelspec.
/// Each test is one check of Scripts/kernel_protocol.py, against a kernel of its own.
/// </summary>
[Trait("Speed", "Slow")] // drives the kernel through Jupyter's client
public class KernelProtocolTests(JupyterHome jupyter) : IClassFixture<JupyterHome>
{
    private void Check(string name)
    {
        var result = JupyterClient.RunScript("kernel_protocol.py", [name, RepoPaths.Root], jupyter, TimeSpan.FromMinutes(4));
        Assert.True(result.ExitCode == 0, $"check '{name}' failed (exit {result.ExitCode})\n{result.Both}");
        Assert.Contains($"passed {name}", result.Stdout);
    }

    [Fact]
    public void Kernel_info_reports_protocol_5_3_and_the_CSharp_language() => Check("kernel_info");

    [Fact]
    public void Execute_publishes_streams_results_displays_updates_and_images_with_execution_counts() => Check("outputs");

    [Fact]
    public void Nuget_and_dll_references_load_and_Plotly_and_XPlot_charts_are_offline_html() => Check("packages_and_charts");

    [Fact]
    public void An_exception_gives_an_error_reply_and_the_kernel_runs_the_next_cell() => Check("errors");

    [Fact]
    public void A_message_with_a_wrong_signature_is_ignored_and_logged() => Check("wrong_signature");

    [Fact]
    public void A_signed_request_with_a_number_for_code_invalid_UTF8_or_no_msg_id_gets_an_error_reply() => Check("malformed");

    [Fact]
    public void A_replayed_request_is_refused_and_logged() => Check("replay");

    [Fact]
    public void A_message_over_the_size_limit_is_dropped_and_logged_and_the_kernel_serves_on() => Check("oversized");

    [Fact]
    public void Interrupt_stops_a_long_loop_and_the_kernel_stays_usable() => Check("interrupt_loop");

    [Fact]
    public void Interrupt_stops_the_libraries_training_loop_between_batches() => Check("interrupt_training");

    [Fact]
    public void Shutdown_replies_and_the_process_exits_even_with_a_cell_that_ignores_interrupts() => Check("shutdown");

    [Fact]
    public void Console_ReadLine_asks_the_front_over_the_stdin_channel() => Check("stdin");

    [Fact]
    public void Completion_inspection_and_is_complete_come_from_Roslyn() => Check("language_services");
}
