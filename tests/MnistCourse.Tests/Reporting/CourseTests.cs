using MnistCourse.Reporting;
using MnistCourse.Training;
using TorchSharp;

namespace MnistCourse.Tests.Reporting;

/// <summary>The lessons' bookends: Course.Setup seeds the run (the default, or --seed's override) and Course.Report records it.</summary>
public class CourseTests : IDisposable
{
    private readonly string? _seedBefore = Environment.GetEnvironmentVariable(Course.SeedVariable);
    private readonly string? _resultsBefore = Environment.GetEnvironmentVariable(Course.ResultsVariable);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(Course.SeedVariable, _seedBefore);
        Environment.SetEnvironmentVariable(Course.ResultsVariable, _resultsBefore);
        Course.Setup(seed: 0);
    }

    private static float FirstDraw(int seed)
    {
        torch.manual_seed(seed);
        return torch.rand(1).item<float>();
    }

    [Fact]
    public void Setup_seeds_torch_with_the_notebooks_seed()
    {
        Environment.SetEnvironmentVariable(Course.SeedVariable, null);
        var line = Course.Setup(seed: 5);
        Assert.Equal(FirstDraw(5), (Course.Setup(seed: 5), torch.rand(1).item<float>()).Item2);
        Assert.Equal(5, Course.Seed);
        Assert.Contains("seed 5 ·", line);
    }

    [Fact]
    public void The_seed_variable_overrides_the_notebooks_seed_and_says_so()
    {
        Environment.SetEnvironmentVariable(Course.SeedVariable, "3");
        var line = Course.Setup(seed: 0);
        var draw = torch.rand(1).item<float>();
        Assert.Equal(3, Course.Seed);
        Assert.Contains("seed 3 (from MNISTCOURSE_SEED)", line);
        Assert.Equal(FirstDraw(3), draw);
    }

    [Theory]
    [InlineData("three")]
    [InlineData("-1")]
    public void A_bad_seed_variable_is_refused_with_the_fix(string value)
    {
        Environment.SetEnvironmentVariable(Course.SeedVariable, value);
        var error = Assert.Throws<ArgumentException>(() => Course.Setup(seed: 0));
        Assert.Contains("MNISTCOURSE_SEED=" + value, error.Message);
        Assert.Contains("--seed", error.Message);
    }

    [Fact]
    public void Report_appends_the_result_with_its_seed_for_the_runner()
    {
        using var temp = new TempFolder();
        var file = temp.File("results.jsonl");
        Environment.SetEnvironmentVariable(Course.ResultsVariable, file);
        Environment.SetEnvironmentVariable(Course.SeedVariable, "7");
        Course.Setup(seed: 0);

        var shown = Course.Report(Tutorial.LeNetTanh, 0.9861, 0.05, 20, 48000, new History());

        var read = LessonResult.FromJson(File.ReadAllLines(file).Single());
        Assert.Equal(shown, read);
        Assert.Equal(7, read.Seed);
        Assert.Equal("lenet-tanh", read.Tutorial);
        Assert.True(read.FullRun);
        Assert.True(read.ReachesFloor);
        Assert.Contains("seed 7", read.ToString());
    }
}
