using System.Text.Json.Nodes;
using MnistCourse.NotebookFormat;
using MnistCourse.Site.Charts;
using MnistCourse.Site.Tests.Support;

namespace MnistCourse.Site.Tests;

/// <summary>Building the site without a browser: inputs that are missing or malformed, the atomic swap, the text rules.</summary>
public sealed class SiteBuildTests : IDisposable
{
    private readonly TempFolder _work = new();
    private string Artifacts => _work.File("artifacts");
    private string SiteDir => Path.Combine(Artifacts, "site");

    public void Dispose() => _work.Dispose();

    private void WriteRun(bool quick = true, params (string Lesson, bool Passed, bool Write)[] lessons)
    {
        Directory.CreateDirectory(Artifacts);
        var runs = new JsonArray();
        foreach (var (lesson, passed, write) in lessons)
        {
            if (write) File.WriteAllText(Path.Combine(Artifacts, lesson + ".ipynb"), SyntheticNotebook.Build().ToJsonString());
            runs.Add(new JsonObject { ["notebook"] = $"notebooks/{lesson}.ipynb", ["executed"] = $"artifacts/{lesson}.ipynb", ["passed"] = passed, ["exit_code"] = passed ? 0 : 1, ["seconds"] = 1.5 });
        }
        var tutorial = new JsonObject
        {
            ["tutorial"] = "chollet", ["title"] = "Keras-style convnet", ["published_accuracy"] = 0.9918, ["floor"] = 0.9903, ["test_accuracy"] = 0.99123,
            ["test_loss"] = 0.03, ["epochs"] = 5, ["published_epochs"] = 5, ["train_images"] = 60000, ["train_seconds"] = 250.0, ["ms_per_step"] = 50.0,
            ["reference_low"] = 0.9912, ["reference_high"] = 0.992, ["full_run"] = true, ["within_0_15_points"] = true, ["reaches_floor"] = true,
        };
        var results = new JsonObject { ["generated_utc"] = "2026-01-01T00:00:00Z", ["quick"] = quick, ["tutorials"] = new JsonArray(tutorial), ["notebooks"] = runs };
        File.WriteAllText(Path.Combine(Artifacts, "results.json"), results.ToJsonString());
    }

    [Fact]
    public void Without_results_json_the_error_says_to_run_the_lessons_first()
    {
        Directory.CreateDirectory(Artifacts);
        var e = Assert.Throws<SiteBuildException>(() => CourseSite.Build(Artifacts, SiteDir));
        Assert.Contains("results.json not found", e.Message);
        Assert.Contains("./course run --quick", e.Message);
        Assert.False(Directory.Exists(SiteDir));
    }

    [Fact]
    public void A_missing_executed_notebook_is_named_with_the_fix()
    {
        WriteRun(true, ("01-a", true, true), ("02-b", true, false));
        var e = Assert.Throws<SiteBuildException>(() => CourseSite.Build(Artifacts, SiteDir));
        Assert.Contains(Path.Combine(Artifacts, "02-b.ipynb"), e.Message);
        Assert.Contains("./course run --quick", e.Message);
        Assert.False(Directory.Exists(SiteDir));
    }

    [Fact]
    public void A_malformed_executed_notebook_is_named_with_the_fix()
    {
        WriteRun(true, ("01-a", true, true));
        File.WriteAllText(Path.Combine(Artifacts, "01-a.ipynb"), "{ \"cells\": [ ");
        var e = Assert.Throws<SiteBuildException>(() => CourseSite.Build(Artifacts, SiteDir));
        Assert.Contains(Path.Combine(Artifacts, "01-a.ipynb"), e.Message);
        Assert.Contains("not valid JSON", e.Message);
        Assert.Contains("./course run --quick", e.Message);
    }

    [Fact]
    public void An_unbalanced_plotly_marker_is_named_with_the_fix()
    {
        WriteRun(true, ("01-a", true, true));
        var nb = JsonNode.Parse(File.ReadAllText(Path.Combine(Artifacts, "01-a.ipynb")))!;
        nb["cells"]![3]!["outputs"]![0]!["data"]!["text/html"] = PlotlyJsMarkers.Begin + "<script>var x;</script>";
        File.WriteAllText(Path.Combine(Artifacts, "01-a.ipynb"), nb.ToJsonString());
        var e = Assert.Throws<SiteBuildException>(() => CourseSite.Build(Artifacts, SiteDir));
        Assert.Contains("01-a.ipynb", e.Message);
        Assert.Contains("never closes", e.Message);
    }

    [Fact]
    public void A_failed_lesson_without_notebook_is_listed_without_a_page()
    {
        WriteRun(false, ("01-a", true, true), ("02-b", false, false));
        var summary = CourseSite.Build(Artifacts, SiteDir);
        Assert.Null(summary.Pages[1].File);
        Assert.Contains(summary.Notes, n => n.Contains("02-b"));
        var index = File.ReadAllText(Path.Combine(SiteDir, "index.html"));
        Assert.Contains("data-lesson=\"02-b\"", index);
        Assert.Contains("failed (runner exit 1)", index);
        Assert.DoesNotContain("Quick run.", index);
        Assert.Contains("✓ within 0.15 pts", index);
        Assert.False(File.Exists(Path.Combine(SiteDir, "02-b.html")));
    }

    [Fact]
    public void Rebuilding_swaps_the_whole_site_and_leaves_no_temporary_folder()
    {
        WriteRun(true, ("01-a", true, true), ("02-b", true, true));
        CourseSite.Build(Artifacts, SiteDir);
        File.WriteAllText(Path.Combine(SiteDir, "stale.html"), "from an older build");
        WriteRun(true, ("01-a", true, true));
        var summary = CourseSite.Build(Artifacts, SiteDir);
        Assert.Single(summary.Pages);
        Assert.False(File.Exists(Path.Combine(SiteDir, "stale.html")));
        Assert.False(File.Exists(Path.Combine(SiteDir, "02-b.html")));
        Assert.True(File.Exists(Path.Combine(SiteDir, "01-a.html")));
        Assert.Empty(Directory.GetDirectories(Artifacts, ".site.*"));
        // plotly.js is the course's own copy, stored once
        Assert.True(File.Exists(Path.Combine(SiteDir, PlotlyBundle.FileName)));
        Assert.NotNull(summary.PlotlyVersion);
    }

    [Fact]
    public void A_folder_that_is_not_a_site_is_never_replaced()
    {
        WriteRun(true, ("01-a", true, true));
        var precious = _work.File("precious");
        Directory.CreateDirectory(precious);
        File.WriteAllText(Path.Combine(precious, "notes.txt"), "keep me");
        var e = Assert.Throws<SiteBuildException>(() => CourseSite.Build(Artifacts, precious));
        Assert.Contains("left alone", e.Message);
        Assert.True(File.Exists(Path.Combine(precious, "notes.txt")));
        Assert.Throws<SiteBuildException>(() => CourseSite.Build(Artifacts, _work.Path)); // would swallow artifacts/
    }

    [Fact]
    public void A_lessons_accuracy_is_found_by_the_notebook_its_result_names()
    {
        WriteRun(true, ("01-a", true, true), ("02-b", true, true));
        var summary = CourseSite.Build(Artifacts, SiteDir);
        Assert.All(summary.Pages, p => Assert.Empty(p.Tutorials)); // a result without "notebook" belongs to no lesson

        var path = Path.Combine(Artifacts, "results.json");
        var results = JsonNode.Parse(File.ReadAllText(path))!;
        results["tutorials"]![0]!["notebook"] = "notebooks/02-b.ipynb";
        File.WriteAllText(path, results.ToJsonString());
        summary = CourseSite.Build(Artifacts, SiteDir);
        Assert.Empty(summary.Pages[0].Tutorials);
        Assert.Equal("chollet", Assert.Single(summary.Pages[1].Tutorials).Tutorial);
        Assert.Contains("<a href=\"02-b.html\">02-b</a>", File.ReadAllText(Path.Combine(SiteDir, "index.html")));

        results["tutorials"]![0]!["seed"] = 1; // another seed's result is not this run's
        File.WriteAllText(path, results.ToJsonString());
        Assert.Empty(CourseSite.Build(Artifacts, SiteDir).Pages[1].Tutorials);
    }

    [Theory]
    [InlineData("a\rb\n", "b\n")]
    [InlineData("10%\r50%\r100%\n", "100%\n")]
    [InlineData("long line\rshort\n", "shortline\n")] // a terminal overwrites only what it rewrites, as Jupyter shows it
    [InlineData("x\r\ny\n", "x\ny\n")]
    [InlineData("abc\b\bX\n", "aXc\n")]
    [InlineData("\u001b[1;31mred\u001b[0m text", "red text")]
    [InlineData("progress\r", "progress")]
    public void Stream_text_follows_terminal_rules(string raw, string shown) => Assert.Equal(shown, TerminalText.Render(raw));

    [Fact]
    public void Markdown_headings_and_fenced_code()
    {
        Assert.Equal("Lesson 2 — A Keras-style convnet, in TorchSharp", MarkdownRenderer.FirstHeading("Intro\n\n# Lesson 2 — A *Keras-style* convnet, in TorchSharp\n"));
        Assert.Equal("The Conv2D layer", MarkdownRenderer.FirstHeading("## The `Conv2D` layer"));
        var html = MarkdownRenderer.ToHtml("| a | b |\n|---|---|\n| 1 | 2 |\n\n```csharp\nvar x = \"s\";\n```\n");
        Assert.Contains("<table>", html);
        Assert.Contains("<span class=\"keyword\">var</span>", html);
        Assert.Contains("<span class=\"string\">\"s\"</span>", html);
    }
}
