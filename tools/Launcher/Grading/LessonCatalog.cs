using MnistCourse.NotebookFormat;

namespace MnistCourse.Launcher.Grading;

/// <summary>
/// The course's own lessons (notebooks/ of this repository), which say what a learner's notebook of the same name is
/// graded on: its exercises, in order, and the quick settings it runs with.
/// </summary>
internal sealed class LessonCatalog(string notebooksFolder)
{
    private readonly Dictionary<string, Notebook?> _lessons = new(StringComparer.Ordinal);

    /// <summary>The lesson named <paramref name="lesson"/>, or null when the course has none of that name.</summary>
    public Notebook? Find(string lesson)
    {
        if (!_lessons.TryGetValue(lesson, out var notebook))
        {
            var path = Path.Combine(notebooksFolder, lesson + ".ipynb");
            _lessons[lesson] = notebook = File.Exists(path) ? Notebook.Load(path) : null;
        }
        return notebook;
    }

    /// <summary>A lesson's exercise ids in the order the lesson has them.</summary>
    public IReadOnlyList<string> Exercises(string lesson) =>
        Find(lesson)?.Cells.Select(ExecutedNotebook.ExerciseOf).OfType<string>().ToList() ?? [];

    /// <summary>The gradebook's column for an exercise: <c>02-keras-convnet/3</c>.</summary>
    public static string Column(string lesson, string exercise) => $"{lesson}/{exercise}";
}
