namespace MnistCourse.Tests.Contracts;

/// <summary>The conventions every program shares (lib/MnistCourse.Contracts), each checked once here.</summary>
public sealed class ContractsTests
{
    [Fact]
    public void The_repository_root_is_the_nearest_folder_with_the_solution_file()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.File(CoursePaths.SolutionFile), "");
        var deep = Directory.CreateDirectory(Path.Combine(dir.Path, "notebooks", "lesson1")).FullName;

        Assert.Equal(Path.GetFullPath(dir.Path), CoursePaths.FindRoot(deep));
        Assert.Equal(Path.Combine(Path.GetFullPath(dir.Path), "artifacts", "lesson1.a.ipynb"), CoursePaths.ExecutedCopy(Path.Combine(deep, "a.ipynb")));
    }

    [Fact]
    public void Outside_a_repository_there_is_no_root_and_executed_copies_go_beside_the_notebook()
    {
        using var dir = new TempFolder();
        Assert.Null(CoursePaths.FindRoot(dir.Path));
        Assert.Equal(Path.Combine(Path.GetFullPath(dir.Path), "artifacts", "a.ipynb"), CoursePaths.ExecutedCopy(dir.File("a.ipynb")));
    }

    [Fact]
    public void Built_programs_and_the_library_are_where_the_build_leaves_them()
    {
        var root = RepoPaths.Root;
        // Every program folder of tools/ with a project: the launcher finds its build output by the folder's name.
        var programs = Directory.GetDirectories(Path.Combine(root, "tools"))
            .Where(folder => Directory.GetFiles(folder, "*.csproj").Length == 1).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(programs);
        foreach (var program in programs)
            Assert.True(File.Exists(CoursePaths.ToolDll(root, program!)), $"tools/{program}: no build output at {CoursePaths.ToolDll(root, program!)}");
        Assert.True(File.Exists(CoursePaths.LibraryDll(root)), "the lessons' #r path must be the library the build writes");
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(CoursePaths.LibraryDll(root))!, "MnistCourse.Contracts.dll")),
            "the library's one dependency of its own must sit beside it, where a notebook's #r finds it");
    }

    [Fact]
    public void An_atomic_write_replaces_the_file_and_leaves_no_temporary_file()
    {
        using var dir = new TempFolder();
        var path = dir.File("sub/results.json");
        AtomicFile.WriteAllText(path, "old");
        AtomicFile.WriteAllText(path, "new");
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["results.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_atomic_write_keeps_the_old_content_and_removes_its_temporary_file()
    {
        using var dir = new TempFolder();
        var path = dir.File("weights.pt");
        File.WriteAllText(path, "old");
        Assert.Throws<IOException>(() => AtomicFile.Write(path, temp =>
        {
            File.WriteAllText(temp, "half");
            throw new IOException("disk full");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["weights.pt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_damaged_file_is_moved_aside_not_deleted()
    {
        using var dir = new TempFolder();
        var path = dir.File("train-labels-idx1-ubyte");
        File.WriteAllText(path, "torn");
        Assert.Equal(path + ".corrupt", AtomicFile.MoveAside(path));
        Assert.False(File.Exists(path));
        Assert.Equal("torn", File.ReadAllText(path + ".corrupt"));

        File.WriteAllText(path, "torn again");
        var second = AtomicFile.MoveAside(path);
        Assert.StartsWith(path + ".corrupt-", second); // an earlier one is never overwritten
        Assert.Equal("torn", File.ReadAllText(path + ".corrupt"));
    }

    [Fact]
    public void A_published_cancellation_stops_library_loops_until_it_is_cleared()
    {
        using var cancel = new CancellationTokenSource();
        CellCancellation.Publish(() => cancel.Token);
        try
        {
            CellCancellation.ThrowIfRequested();
            cancel.Cancel();
            Assert.Throws<OperationCanceledException>(CellCancellation.ThrowIfRequested);
        }
        finally
        {
            CellCancellation.Clear();
        }
        CellCancellation.ThrowIfRequested();
    }

    [Theory]
    [InlineData(0.9920, 5, "✓ within 0.15 pts")]
    [InlineData(0.9880, 5, "✓ reaches floor")]
    [InlineData(0.9700, 5, "✗ below floor")]
    [InlineData(0.9700, 1, "short run")]
    public void A_lesson_result_survives_its_json_and_has_one_verdict(double accuracy, int epochs, string verdict)
    {
        var result = new LessonResult("chollet", "Keras-style convnet", 0.9918, 0.9850, accuracy, 0.03, epochs, 5, 60000, 90, double.NaN, 0.9912, 0.9920);
        var back = LessonResult.FromJson(result.ToJson());
        Assert.Equal(result, back);
        Assert.Equal(verdict, back.Verdict);
        Assert.DoesNotContain("\"notebook\"", result.ToJson()); // results.json's own fields only once a run records it
        foreach (var field in new[] { "tutorial", "published_accuracy", "test_accuracy", "train_images", "ms_per_step", "reference_low", "full_run", "within_0_15_points", "reaches_floor" })
            Assert.Contains($"\"{field}\":", result.ToJson()); // the names results.json and the site have always used
    }
}
