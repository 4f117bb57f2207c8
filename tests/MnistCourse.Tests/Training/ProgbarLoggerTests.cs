using MnistCourse.Training.Callbacks;

namespace MnistCourse.Tests.Training;

public class ProgbarLoggerTests
{
    private static readonly Dictionary<string, double> Logs = new() { ["loss"] = 0.5, ["accuracy"] = 0.8 };

    private static string Bar(int step, int steps)
    {
        var line = ProgbarLogger.Line(step, steps, TimeSpan.FromSeconds(3), Logs);
        return line[(line.IndexOf('[') + 1)..line.IndexOf(']')];
    }

    [Theory]
    [InlineData(0, ">.............................")]
    [InlineData(1, ">.............................")]
    [InlineData(469, "==============>...............")]
    [InlineData(938, "==============================")]
    public void The_bar_fills_in_proportion_to_the_steps_done_as_Keras_draws_it(int step, string expected) =>
        Assert.Equal(expected, Bar(step, 938));

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(938)]
    public void The_bar_is_thirty_characters_at_every_step(int steps)
    {
        for (int step = 0; step <= steps; step++)
            Assert.Equal(30, Bar(step, steps).Length);
    }

    [Fact]
    public void A_finished_epoch_shows_time_and_ms_per_step_and_every_figure_of_the_logs_in_order()
    {
        var logs = new Dictionary<string, double> { ["loss"] = 0.1721, ["accuracy"] = 0.9466, ["val_loss"] = 0.05, ["val_accuracy"] = 0.985 };
        var line = ProgbarLogger.Line(938, 938, TimeSpan.FromSeconds(12), logs);
        Assert.Equal("938/938 [==============================] - 12s 13ms/step - loss: 0.1721 - accuracy: 0.9466 - val_loss: 0.0500 - val_accuracy: 0.9850", line);
    }
}
