using System.Text.Json.Nodes;
using MnistCourse.Notebooks.Format;

namespace MnistCourse.Export.Tests.Support;

/// <summary>Small Polyglot notebooks for tests, built cell by cell.</summary>
public sealed class LessonNotebook
{
    private readonly JsonArray _cells = [];
    private readonly JsonObject _metadata = new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
    };

    public LessonNotebook Code(string source, params string[] tags)
    {
        var metadata = new JsonObject();
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        _cells.Add(new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = metadata, ["outputs"] = new JsonArray(), ["source"] = source });
        return this;
    }

    public LessonNotebook Parameters(string source) => Code(source, "parameters");

    public LessonNotebook Markdown(string source)
    {
        _cells.Add(new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source });
        return this;
    }

    /// <summary>metadata.mnistcourse.quick: the overrides of --quick.</summary>
    public LessonNotebook Quick(JsonObject overrides)
    {
        _metadata["mnistcourse"] = new JsonObject { ["quick"] = overrides };
        return this;
    }

    public string Json() => new JsonObject
    {
        ["cells"] = _cells.DeepClone(),
        ["metadata"] = _metadata.DeepClone(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 4,
    }.ToJsonString();

    /// <summary>Writes the notebook as <paramref name="path"/> and exports it to <paramref name="appPath"/> (analysis without packages).</summary>
    public async Task<ExportedApp> ExportAsync(string path, string appPath)
    {
        File.WriteAllText(path, Json());
        return await LessonExporter.ExportAsync(Notebook.Load(path), path, new ExportOptions { AppPath = appPath, DisplayRoot = Path.GetDirectoryName(path) });
    }
}
