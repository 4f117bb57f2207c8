namespace MnistCourse.Launcher.Grading;

/// <summary>
/// One learner's work as the grader finds it. A learner is named after a folder: the folder given on the command line
/// (a clone of their repository), or the folder holding a notebook given as a file — a folder named <c>notebooks</c>
/// counts as its parent, so <c>class/ana/notebooks/02-keras-convnet.ipynb</c> is Ana's. A notebook's lesson is its
/// file name (<c>02-keras-convnet</c>).
/// </summary>
internal sealed record Submission(string Learner, IReadOnlyList<string> Notebooks)
{
    /// <summary>
    /// The learners in <paramref name="paths"/>: a notebook file is one learner's notebook; a folder with notebooks
    /// (in <c>notebooks/</c> or at its top) is one learner; a folder without any but with subfolders is a class, each
    /// subfolder a learner. Throws <see cref="ArgumentException"/> naming a path that does not exist.
    /// </summary>
    public static List<Submission> Find(IEnumerable<string> paths)
    {
        var byLearner = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string learner, IEnumerable<string> notebooks)
        {
            if (learner is "" or "." or "..") learner = "learner";   // a root folder: still one valid folder name
            if (!byLearner.TryGetValue(learner, out var list)) byLearner[learner] = list = [];
            list.AddRange(notebooks.Where(n => !list.Contains(n)));
        }
        foreach (var given in paths)
        {
            var path = Path.GetFullPath(given);
            if (File.Exists(path))
            {
                if (!path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                    throw new ArgumentException($"{given} is not a notebook (.ipynb): give notebooks or learners' folders.");
                Add(LearnerOf(path), [path]);
            }
            else if (Directory.Exists(path))
            {
                var own = NotebooksIn(path);
                var learners = own.Count == 0 ? Directory.GetDirectories(path).Where(d => !IsHidden(d)).Order(StringComparer.Ordinal).ToList() : [];
                if (learners.Count == 0) Add(Path.GetFileName(path.TrimEnd(Path.DirectorySeparatorChar)), own);   // may be none: graded as missing
                foreach (var learner in learners) Add(Path.GetFileName(learner), NotebooksIn(learner));
            }
            else throw new ArgumentException($"{given} does not exist: give notebooks (.ipynb) or learners' folders.");
        }
        return byLearner.Select(p => new Submission(p.Key, p.Value)).ToList();
    }

    /// <summary>The lesson a notebook is: its file name without .ipynb.</summary>
    public static string LessonOf(string notebook) => Path.GetFileNameWithoutExtension(notebook);

    private static string LearnerOf(string notebook)
    {
        var folder = Path.GetDirectoryName(notebook)!;
        if (Path.GetFileName(folder) == "notebooks" && Path.GetDirectoryName(folder) is { } parent) folder = parent;
        return Path.GetFileName(folder);
    }

    /// <summary>A learner folder's notebooks: those in its notebooks/ (not in notebooks/solutions/), else at its top.</summary>
    private static List<string> NotebooksIn(string folder)
    {
        var notebooks = Path.Combine(folder, "notebooks");
        var from = Directory.Exists(notebooks) ? notebooks : folder;
        return Directory.GetFiles(from, "*.ipynb").Where(f => !IsHidden(f)).Order(StringComparer.Ordinal).ToList();
    }

    private static bool IsHidden(string path) => Path.GetFileName(path).StartsWith('.');
}
