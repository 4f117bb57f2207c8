using MnistCourse.NotebookFormat;
using MnistCourse.NotebookEngine.Running;

namespace MnistCourse.NotebookEngine.Tests;

/// <summary>The lesson data the lesson-running tests share (tests/TestSupport/CourseLessons.cs) agrees with notebooks/.</summary>
public class CourseLessonListTests
{
    [Fact]
    public void The_shared_list_holds_every_notebook_of_the_course() =>
        Assert.Equal(
            Directory.GetFiles(RepoPaths.Notebooks, "*.ipynb").Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal),
            CourseLessons.All.Select(l => l.Lesson));

    [Fact]
    public void A_scratch_model_path_goes_to_exactly_the_notebooks_whose_parameters_declare_weightsPath()
    {
        var scratch = Path.Combine("scratch", "folder");
        foreach (var (lesson, _) in CourseLessons.All)
        {
            var parameters = ParametersCell.Find(Notebook.Load(RepoPaths.Lesson(lesson)));
            var declaresWeightsPath = parameters is not null && ParametersCell.Declarations(parameters).Any(d => d.Name == "weightsPath");
            string[] expected = declaresWeightsPath ? ["--set", "weightsPath=" + Path.Combine(scratch, "chollet.weights")] : [];
            Assert.Equal(expected, CourseLessons.ScratchModelArguments(lesson, scratch));
        }
    }
}
