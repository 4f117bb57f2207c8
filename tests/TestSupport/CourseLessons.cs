using Xunit;
namespace MnistCourse.TestSupport;

/// <summary>The course's lessons (notebooks/), for the tests that run them all.</summary>
public static class CourseLessons
{
    /// <summary>Each lesson with the tutorials its quick run reports to MNISTCOURSE_RESULTS, in order.</summary>
    public static readonly IReadOnlyList<(string Lesson, string[] ReportedTutorials)> All =
    [
        ("01-convolution-by-hand", []),
        ("02-keras-convnet", ["chollet"]),
        ("03-feature-maps", []),
        ("04-lenet", ["lenet-tanh", "lenet-relu"]),
        ("05-dropout-convnet", ["dropout"]),
    ];

    /// <summary>Lesson 2 saves its trained model to its weightsPath parameter and lesson 3 loads it from there.</summary>
    public static readonly IReadOnlyList<string> UsingTheSavedModel = ["02-keras-convnet", "03-feature-maps"];

    /// <summary>For [MemberData]: (lesson, reportedTutorials).</summary>
    public static TheoryData<string, string[]> WithReportedTutorials()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var (lesson, tutorials) in All) data.Add(lesson, tutorials);
        return data;
    }

    /// <summary>
    /// The extra runner (or exported app) arguments for <paramref name="lesson"/>: for the lessons using the saved model,
    /// `--set weightsPath=&lt;scratchFolder&gt;/chollet.weights`, so that a test never touches the model a learner's run saved.
    /// </summary>
    public static string[] ScratchModelArguments(string lesson, string scratchFolder) =>
        UsingTheSavedModel.Contains(lesson) ? ["--set", "weightsPath=" + Path.Combine(scratchFolder, "chollet.weights")] : [];
}
