using System.Text.Json.Nodes;

namespace MnistCourse.Site.Tests;

/// <summary>An exercise check's output on the site: the learner's line, never the record for graders beside it.</summary>
public class CheckOutputTests
{
    [Fact]
    public void A_check_display_shows_its_line_and_not_its_record()
    {
        var outputs = new JsonArray(new JsonObject
        {
            ["output_type"] = "display_data", ["metadata"] = new JsonObject(),
            ["data"] = new JsonObject
            {
                ["text/plain"] = new JsonArray("✗ not answered yet: replace the 0 with <the count>."),
                [CheckRecord.MimeType] = JsonNode.Parse("""{"check":"ConvParameters","status":"not_answered","hint_kind":"not-answered"}"""),
            },
        });
        var html = new OutputRenderer().Render(outputs, "7");
        Assert.Contains("<pre>✗ not answered yet: replace the 0 with &lt;the count&gt;.</pre>", html);
        Assert.DoesNotContain("not_answered", html);
        Assert.DoesNotContain("ConvParameters", html);
    }
}
