namespace MnistCourse.Tests.Contracts;

/// <summary>Where executed copies go: one name per notebook, in the artifacts folder the run was pointed at.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public class ExecutedCopyTests : IDisposable
{
    private readonly TempFolder _repo = new();

    public ExecutedCopyTests() => File.WriteAllText(_repo.File(CoursePaths.SolutionFile), "");

    public void Dispose() => _repo.Dispose();

    private string Notebook(params string[] parts) => Path.Combine([Path.GetFullPath(_repo.Path), "notebooks", .. parts]);

    [Fact]
    public void A_lesson_and_its_solution_of_the_same_name_get_different_copies()
    {
        var lesson = CoursePaths.ExecutedCopy(Notebook("02-keras-convnet.ipynb"));
        var solution = CoursePaths.ExecutedCopy(Notebook("solutions", "02-keras-convnet.ipynb"));

        Assert.Equal(Path.Combine(Path.GetFullPath(_repo.Path), "artifacts", "02-keras-convnet.ipynb"), lesson);
        Assert.Equal(Path.Combine(Path.GetFullPath(_repo.Path), "artifacts", "solutions.02-keras-convnet.ipynb"), solution);
    }

    [Fact]
    public void MNISTCOURSE_ARTIFACTS_is_honoured_inside_and_outside_a_repository()
    {
        using var elsewhere = new TempFolder();
        using var outside = new TempFolder();
        var before = Environment.GetEnvironmentVariable(CoursePaths.ArtifactsVariable);
        try
        {
            Environment.SetEnvironmentVariable(CoursePaths.ArtifactsVariable, elsewhere.Path);
            Assert.Equal(Path.Combine(Path.GetFullPath(elsewhere.Path), "solutions.a.ipynb"), CoursePaths.ExecutedCopy(Notebook("solutions", "a.ipynb")));
            Assert.Equal(Path.Combine(Path.GetFullPath(elsewhere.Path), "b.ipynb"), CoursePaths.ExecutedCopy(outside.File("b.ipynb")));
        }
        finally { Environment.SetEnvironmentVariable(CoursePaths.ArtifactsVariable, before); }
    }
}
