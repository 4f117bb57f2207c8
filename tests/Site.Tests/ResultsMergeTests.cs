using System.Text.Json.Nodes;
using MnistCourse.Site.Tests.Support;

namespace MnistCourse.Site.Tests;

/// <summary>
/// results.json keeps each lesson's latest run and each tutorial's result per kind of run: a one-lesson quick run after a
/// full run must not erase the full run's figures or pages (found by an instructor: it used to rewrite the file whole).
/// </summary>
public sealed class ResultsMergeTests : IDisposable
{
    private readonly TempFolder _work = new();
    private string Artifacts => _work.File("artifacts");
    private string ResultsPath => Path.Combine(Artifacts, ResultsFile.FileName);

    public void Dispose() => _work.Dispose();

    private static NotebookRun Lesson(string lesson) => new($"notebooks/{lesson}.ipynb", $"artifacts/{lesson}.ipynb", Passed: true, ExitCode: 0, Seconds: 3.0);

    private static LessonResult Tutorial(string id, string lesson, double accuracy, int epochs) =>
        new(id, id, PublishedAccuracy: 0.99, Floor: 0.98, TestAccuracy: accuracy, TestLoss: 0.05, Epochs: epochs, PublishedEpochs: 5,
            TrainImages: 60000, TrainSeconds: 10.0, MillisecondsPerStep: 5.0, ReferenceLow: null, ReferenceHigh: null) { Notebook = $"notebooks/{lesson}.ipynb" };

    private void Run(bool quick, int seed, params (string Lesson, LessonResult[] Tutorials)[] lessons)
    {
        Directory.CreateDirectory(Artifacts);
        foreach (var (lesson, _) in lessons)
            File.WriteAllText(Path.Combine(Artifacts, lesson + ".ipynb"), SyntheticNotebook.Build().ToJsonString());
        ResultsFile.Record(ResultsPath, quick, seed, lessons.Select(l => Lesson(l.Lesson)).ToList(), lessons.SelectMany(l => l.Tutorials).ToList());
    }

    [Fact]
    public void A_one_lesson_quick_run_after_a_full_run_keeps_the_full_runs_results_and_pages()
    {
        Run(quick: false, seed: 0, ("01-by-hand", []), ("02-convnet", [Tutorial("chollet", "02-convnet", 0.9909, 5)]),
            ("04-lenet", [Tutorial("lenet-tanh", "04-lenet", 0.9849, 5), Tutorial("lenet-relu", "04-lenet", 0.9755, 5)]));
        Run(quick: true, seed: 0, ("01-by-hand", []));

        var results = ResultsFile.Load(ResultsPath);
        Assert.Equal(["01-by-hand", "02-convnet", "04-lenet"], results.Notebooks.Select(n => n.Lesson));
        Assert.True(results.Notebooks[0].Quick);
        Assert.False(results.Notebooks[1].Quick);
        Assert.Equal([0.9909, 0.9849, 0.9755], results.Tutorials.Select(t => t.TestAccuracy));
        Assert.All(results.Tutorials, t => Assert.False(t.Quick));

        var site = CourseSite.Build(Artifacts, Path.Combine(Artifacts, "site"));
        Assert.Equal(3, site.Pages.Count(p => p.File is not null));
        var index = File.ReadAllText(site.IndexPath);
        Assert.Contains("Quick run for 01-by-hand", index);
        Assert.Contains("test accuracy <strong>0.9909</strong>", index);
        Assert.Contains("full run, seed 0", File.ReadAllText(Path.Combine(Artifacts, "site", "02-convnet.html")));
        Assert.Contains("quick run, seed 0", File.ReadAllText(Path.Combine(Artifacts, "site", "01-by-hand.html")));
    }

    [Fact]
    public void A_later_run_of_the_same_kind_and_seed_replaces_only_its_own_rows()
    {
        Run(quick: false, seed: 0, ("02-convnet", [Tutorial("chollet", "02-convnet", 0.9909, 5)]));
        Run(quick: false, seed: 3, ("02-convnet", [Tutorial("chollet", "02-convnet", 0.9921, 5)]));
        Run(quick: false, seed: 0, ("02-convnet", [Tutorial("chollet", "02-convnet", 0.9911, 5)]));

        var results = ResultsFile.Load(ResultsPath);
        Assert.Equal([(0, 0.9911), (3, 0.9921)], results.Tutorials.Select(t => (t.Seed, t.TestAccuracy)));
        var lesson = Assert.Single(results.Notebooks);
        Assert.Equal(0, lesson.Seed);
        Assert.Equal([0.9911], CourseSite.Build(Artifacts, Path.Combine(Artifacts, "site")).Pages.Single().Tutorials.Select(t => t.TestAccuracy));
    }

    [Fact]
    public void A_corrupt_results_file_is_moved_aside_not_lost()
    {
        Directory.CreateDirectory(Artifacts);
        File.WriteAllText(ResultsPath, "{ torn");
        Run(quick: true, seed: 0, ("01-by-hand", []));
        Assert.Equal("{ torn", File.ReadAllText(ResultsPath + ".corrupt"));
        Assert.Single(ResultsFile.Load(ResultsPath).Notebooks);
    }

    [Fact]
    public void The_index_draws_a_reproduction_over_seeds_when_one_was_run()
    {
        Run(quick: false, seed: 0, ("02-convnet", [Tutorial("chollet", "02-convnet", 0.9909, 5)]));
        SeedRun Seed(int seed, double accuracy) => new("chollet", seed, false, accuracy, 0.03, 5, 90, "notebooks/02-convnet.ipynb", "2026-11-29T18:00:00Z");
        new ReproductionFile(false, 2, 1, "2026-11-29T17:00:00Z",
            [Seed(0, 0.9911), Seed(1, 0.9918), Seed(2, 0.9916), Seed(3, 0.9923), Seed(4, 0.9889)]).Save(Path.Combine(Artifacts, ReproductionFile.FileName));
        var index = File.ReadAllText(CourseSite.Build(Artifacts, Path.Combine(Artifacts, "site")).IndexPath);
        Assert.Contains("<h2>Reproduction over seeds</h2>", index);
        Assert.Equal(5, index.Split("<title>seed: ").Length - 1);
        Assert.Contains("<title>mean 0.9911</title>", index);
        Assert.Contains("<title>published 0.9918</title>", index);
        Assert.Contains("<title>95% prediction interval of one run 0.9871–0.9952</title>", index);
        Assert.Contains("reproduced: the published 0.9918 lies within the 95% prediction interval of one run", index);
        Assert.Contains("(earlier rule: reproduced)", index);
    }
}
