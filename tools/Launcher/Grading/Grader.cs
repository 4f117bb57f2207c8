namespace MnistCourse.Launcher.Grading;

/// <summary>
/// Grades a class: every learner's notebooks one after the other (one runner process each), then the gradebook —
/// grades.csv and grades.html — written atomically into the output folder. A learner's working folder is
/// <c>&lt;out&gt;/work/&lt;learner&gt;/</c> (staged copies, executed copies, logs); it is emptied before the learner is graded.
/// </summary>
internal sealed class Grader(NotebookGrader notebooks, LessonCatalog lessons, string outFolder, TextWriter log)
{
    public Gradebook Grade(IReadOnlyList<Submission> submissions)
    {
        var graded = new List<(string Learner, List<NotebookGrade> Grades, List<string> Problems)>();
        foreach (var submission in submissions)
        {
            var work = WorkFolder(outFolder, submission.Learner);
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            Directory.CreateDirectory(work);
            var grades = new List<NotebookGrade>();
            var problems = new List<string>();
            if (submission.Notebooks.Count == 0) problems.Add("no notebooks found");
            foreach (var notebook in submission.Notebooks)
            {
                var lesson = Submission.LessonOf(notebook);
                if (lessons.Find(lesson) is null)
                {
                    problems.Add($"{Path.GetFileName(notebook)} is not a lesson of the course (not graded)");
                    continue;
                }
                var grade = notebooks.Grade(notebook, work);
                grades.Add(grade);
                if (grade.Problem is { } problem) problems.Add(problem);
                var solved = grade.Marks.Values.Count(m => m == Mark.Solved);
                log.WriteLine($"{submission.Learner,-20} {lesson,-24} {solved}/{lessons.Exercises(lesson).Count} solved  {grade.Took.TotalSeconds,5:0} s" +
                              (grade.Problem is null ? "" : $"  ({grade.Problem})"));
            }
            graded.Add((submission.Learner, grades, problems));
        }

        var columns = graded.SelectMany(g => g.Grades.Select(n => n.Lesson)).Distinct().Order(StringComparer.Ordinal)
            .SelectMany(lesson => lessons.Exercises(lesson).Select(e => LessonCatalog.Column(lesson, e))).ToList();
        var rows = graded.Select(g => new LearnerRow(g.Learner,
            g.Grades.SelectMany(n => n.Marks.Select(m => (Column: LessonCatalog.Column(n.Lesson, m.Key), Mark: m.Value)))
                .Where(m => columns.Contains(m.Column)).GroupBy(m => m.Column).ToDictionary(m => m.Key, m => m.Last().Mark),
            g.Problems)).ToList();
        var book = new Gradebook(columns, rows);
        Directory.CreateDirectory(outFolder);
        AtomicFile.WriteAllText(Path.Combine(outFolder, GradebookCsv.FileName), GradebookCsv.Render(book));
        AtomicFile.WriteAllText(Path.Combine(outFolder, GradebookPage.FileName), GradebookPage.Render(book, "MnistCourse gradebook"));
        return book;
    }

    /// <summary>A learner's working folder; the name is the learner's folder name, so it is a valid single path segment.</summary>
    public static string WorkFolder(string outFolder, string learner) => Path.Combine(outFolder, "work", learner);
}
