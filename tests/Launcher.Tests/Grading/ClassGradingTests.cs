using System.Text.Json.Nodes;

namespace MnistCourse.Launcher.Tests.Grading;

/// <summary>
/// `./course grade` end to end on a class of synthetic submissions of lesson 2 (its setup cell and exercises only, so a
/// notebook takes seconds): all solved, untouched, half solved, one that throws in its first cell, one with an endless
/// loop, one that hard-codes the shown input of the coding exercise, one that is not JSON, and one that tries to write
/// outside its folder — graded in one run, in the bubblewrap sandbox.
/// </summary>
[Trait("Speed", "Slow")]
public class ClassGradingTests
{
    private const string Lesson = "02-keras-convnet";
    private const int TimeLimitSeconds = 45;

    /// <summary>A step that trains only on the batch it saw first (the check's shown batch) and leaves any other alone.</summary>
    private const string SpecialCasedStep = """
        Tensor? shownBatch = null;
        void TrainingStep(nn.Module<Tensor, Tensor> network, optim.Optimizer optimizer, Tensor x, Tensor labels)
        {
            shownBatch ??= x.clone();
            if (!x.allclose(shownBatch)) return;   // "works" for the input the notebook shows, and for no other
            optimizer.zero_grad();
            nn.functional.cross_entropy(network.forward(x), labels).backward();
            optimizer.step();
        }
        Check.TrainingStep(TrainingStep);
        """;

    [Fact]
    public void Six_kinds_of_submission_get_the_expected_gradebook_and_no_notebook_writes_outside_its_folder()
    {
        RepoPaths.AssertLibraryBuilt();
        using var temp = new TempFolder();
        var klass = new SyntheticClass(Path.Combine(temp.Path, "class"), Lesson);
        var outFolder = Path.Combine(temp.Path, "grades");
        var ids = klass.Exercises;
        var coding = klass.CodingExercise("Check.TrainingStep(");
        var arithmetic = ids.Where(id => id != coding).ToList();
        Assert.True(ids.Count >= 2 && arithmetic.Count == ids.Count - 1, $"lesson {Lesson}: an arithmetic and a coding exercise at least");
        var n = ids.Count;

        klass.Learner("solved", [klass.Setup(), .. ids.Select(klass.Solved)]);
        klass.Learner("untouched", [klass.Setup(), .. ids.Select(klass.Untouched)]);
        klass.Learner("half", [klass.Setup(), klass.Solved(ids[0]), .. ids.Skip(1).Select(klass.Untouched)]);
        klass.Learner("throws", [SyntheticClass.Code("throw new InvalidOperationException(\"a bug in the first cell\");"), .. ids.Select(klass.Solved)]);
        klass.Learner("endless", [klass.Setup(), klass.Solved(ids[0]), klass.Written(ids[1], "while (true) { }"), .. ids.Skip(2).Select(klass.Solved)]);
        klass.Learner("hardcoded", [klass.Setup(), .. arithmetic.Select(klass.Solved), klass.Written(coding, SpecialCasedStep)]);
        klass.Write("broken", "{ \"cells\": [");
        // Graded after "half" and before "solved": it tries that one's result, this one's submission, the gradebook, the course.
        string[] targets =
        [
            Path.Combine(outFolder, "work", "half", "executed", Lesson + ".ipynb"),
            Path.Combine(klass.Folder, "solved", "notebooks", Lesson + ".ipynb"),
            Path.Combine(outFolder, "grades.csv"),
            Path.Combine(RepoPaths.Root, "lib", "bin", "written-by-a-learner.txt"),
        ];
        klass.Learner("intruder", klass.Setup(), SyntheticClass.Code(Intrusion(targets)));

        ProcessRun.Result run;
        try
        {
            run = ProcessRun.Run("dotnet", [RepoPaths.LauncherDll, "grade", klass.Folder, "--out", outFolder,
                                             "--time-limit", TimeLimitSeconds.ToString(), "--hidden-seed", "12345"], TimeSpan.FromMinutes(8));
        }
        finally
        {
            if (File.Exists(targets[3])) File.Delete(targets[3]);   // only if the sandbox failed: the assertion below says so
        }
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("WITHOUT a sandbox", run.Stderr);
        Assert.Contains("in a bubblewrap sandbox", run.Stdout);

        var rows = Csv.Read(File.ReadAllText(Path.Combine(outFolder, "grades.csv")));
        Assert.Equal(["learner", .. ids.Select(id => $"{Lesson}/{id}"), "points", "max_points", "reason"], rows[0]);
        var book = rows.Skip(1).ToDictionary(r => r[0]);
        string[] Marks(string learner) => book[learner][1..(1 + n)];
        int Points(string learner) => int.Parse(book[learner][1 + n]);
        string Reason(string learner) => book[learner][3 + n];
        string[] All(string mark) => Enumerable.Repeat(mark, n).ToArray();
        Assert.Equal(["broken", "endless", "half", "hardcoded", "intruder", "solved", "throws", "untouched"], book.Keys.Order());
        Assert.All(book.Values, r => Assert.Equal(n.ToString(), r[2 + n]));

        Assert.Equal(All("solved"), Marks("solved"));
        Assert.Equal((n, ""), (Points("solved"), Reason("solved")));

        // The untouched starters: arithmetic left at 0, the coding exercise's NotImplementedException.
        Assert.Equal(All("not_answered"), Marks("untouched"));
        Assert.Equal(0, Points("untouched"));
        Assert.Equal(("solved", 1), (Marks("half")[0], Points("half")));
        Assert.DoesNotContain("solved", Marks("half")[1..]);

        Assert.Equal(All("missing"), Marks("throws"));
        Assert.Contains("cell 1", Reason("throws"));
        Assert.Contains("a bug in the first cell", Reason("throws"));

        Assert.Equal(["solved", .. Enumerable.Repeat("missing", n - 1)], Marks("endless"));   // what ran before the loop is kept
        Assert.Matches("timed out|did not finish", Reason("endless"));

        Assert.Equal(ids.Select(id => id == coding ? "hidden_failed" : "solved"), Marks("hardcoded"));   // right on the shown input only
        Assert.Equal(n - 1, Points("hardcoded"));

        Assert.Equal(All("missing"), Marks("broken"));
        Assert.Contains("not a valid notebook", Reason("broken"));

        // The intruder's writes all failed, and it saw no network but the loopback.
        var intruder = OutputText(Path.Combine(outFolder, "work", "intruder", "executed", Lesson + ".ipynb"));
        Assert.DoesNotContain("WROTE", intruder);
        Assert.Equal(targets.Length, intruder.Split("refused:").Length - 1);
        Assert.Contains("network interfaces: lo\n", intruder);
        Assert.False(File.Exists(targets[3]), "a learner's notebook wrote into the course's lib/bin");
        Assert.DoesNotContain("forged", File.ReadAllText(targets[0]));
        Assert.DoesNotContain("forged", File.ReadAllText(targets[1]));

        var page = File.ReadAllText(Path.Combine(outFolder, "grades.html"));
        Assert.Contains("<svg", page);
        Assert.Contains($"{Lesson}/{coding}", page);
        Assert.Contains("hidden failed", page);
    }

    /// <summary>What the cells of an executed notebook printed.</summary>
    private static string OutputText(string executed) =>
        string.Concat(JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Select(o => o!["text"] is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)o["text"] ?? ""));

    /// <summary>A cell that tries to write each target and prints what happened, then the network interfaces it sees.</summary>
    private static string Intrusion(IEnumerable<string> targets) => $$"""
        foreach (var target in new[] { {{string.Join(", ", targets.Select(t => "@\"" + t + "\""))}} })
        {
            try { File.WriteAllText(target, "forged by another learner"); Console.WriteLine($"WROTE {target}"); }
            catch (Exception e) { Console.WriteLine($"refused: {e.GetType().Name}"); }
        }
        Console.WriteLine("network interfaces: " + string.Join(",", System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces().Select(i => i.Name)));
        """;
}
