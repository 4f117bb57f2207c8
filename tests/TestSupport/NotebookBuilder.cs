using Xunit;
using System.Text.Json.Nodes;

namespace MnistCourse.TestSupport;

/// <summary>Small Polyglot notebooks (.ipynb) for tests, built cell by cell.</summary>
public sealed class NotebookBuilder
{
    private readonly JsonArray _cells = [];
    private readonly JsonObject _metadata = new()
    {
        ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
        ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = new JsonObject { ["defaultKernelName"] = "csharp" } },
    };

    public NotebookBuilder Code(string source, params string[] tags)
    {
        var metadata = new JsonObject();
        if (tags.Length > 0) metadata["tags"] = new JsonArray(tags.Select(t => (JsonNode?)t).ToArray());
        _cells.Add(new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = null,
            ["metadata"] = metadata,
            ["outputs"] = new JsonArray(),
            ["source"] = source,
        });
        return this;
    }

    /// <summary>A code cell tagged "parameters" (papermill's convention).</summary>
    public NotebookBuilder Parameters(string source) => Code(source, "parameters");

    public NotebookBuilder Markdown(string source)
    {
        _cells.Add(new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source });
        return this;
    }

    public NotebookBuilder Metadata(string name, JsonNode value)
    {
        _metadata[name] = value;
        return this;
    }

    /// <summary>metadata.mnistcourse.quick: the parameter overrides of --quick.</summary>
    public NotebookBuilder Quick(JsonObject overrides) => Metadata("mnistcourse", new JsonObject { ["quick"] = overrides });

    public string Json() => new JsonObject
    {
        ["cells"] = _cells.DeepClone(),
        ["metadata"] = _metadata.DeepClone(),
        ["nbformat"] = 4,
        ["nbformat_minor"] = 4,
    }.ToJsonString();

    /// <summary>Writes the notebook to <paramref name="path"/> and returns the path.</summary>
    public string WriteTo(string path)
    {
        File.WriteAllText(path, Json());
        return path;
    }
}
