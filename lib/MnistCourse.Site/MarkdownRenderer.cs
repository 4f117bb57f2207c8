using System.Text.Json.Nodes;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MnistCourse.Site.Safety;

namespace MnistCourse.Site;

/// <summary>
/// Markdown cells rendered with Markdig: CommonMark plus pipe tables, raw HTML kept (the lessons hold HTML tables),
/// heading anchors, autolinks; fenced code highlighted by <see cref="CodeHighlighter"/>; images that point at cell
/// attachments ("attachment:name") become data: URIs; links to other lessons' .ipynb go to their pages. The result
/// is sanitized (<see cref="UntrustedHtml"/>): raw &lt;script&gt;, event handlers and javascript: links are dropped.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseTaskLists()
        .UseFootnotes()
        .Build();

    /// <summary>HTML for a markdown cell. <paramref name="attachments"/> is the cell's "attachments" object, if any.</summary>
    public static string ToHtml(string markdown, JsonObject? attachments = null, Func<string, string?>? rewriteLink = null)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is not { } url) continue;
            if (link.IsImage && url.StartsWith("attachment:", StringComparison.Ordinal) && attachments is not null)
            {
                if (DataUri(attachments, url["attachment:".Length..]) is { } data) link.Url = data;
            }
            else if (!link.IsImage && rewriteLink?.Invoke(url) is { } rewritten)
            {
                link.Url = rewritten;
            }
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<CodeBlockRenderer>(new HighlightedCodeBlockRenderer(renderer.ObjectRenderers.FindExact<CodeBlockRenderer>()!));
        renderer.Render(document);
        return UntrustedHtml.Clean(writer.ToString());
    }

    public static string? FirstHeading(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var heading = document.Descendants<HeadingBlock>().FirstOrDefault();
        if (heading?.Inline is null) return null;
        // Literals and inline code, in document order (emphasis and links nest literals).
        var text = string.Concat(heading.Inline.Descendants<Inline>().Select(inline => inline switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        })).Trim();
        return text.Length > 0 ? text : null;
    }

    private static string? DataUri(JsonObject attachments, string name)
    {
        if (attachments[Uri.UnescapeDataString(name)] is not JsonObject bundle) return null;
        foreach (var (mime, value) in bundle)
        {
            if (!mime.StartsWith("image/", StringComparison.Ordinal)) continue;
            var data = value is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)value;
            if (data is null) continue;
            var url = $"data:{mime};base64,{string.Concat(data.Where(c => !char.IsWhiteSpace(c)))}";
            if (UntrustedHtml.IsImageDataUrl(url)) return url;
        }
        return null;
    }

    /// <summary>Fenced code with a language Markdig would escape; we highlight it, and fall back to Markdig otherwise.</summary>
    private sealed class HighlightedCodeBlockRenderer(CodeBlockRenderer fallback) : HtmlObjectRenderer<CodeBlock>
    {
        protected override void Write(HtmlRenderer renderer, CodeBlock block)
        {
            if (block is FencedCodeBlock fenced && !string.IsNullOrWhiteSpace(fenced.Info))
            {
                renderer.EnsureLine();
                renderer.Write(CodeHighlighter.Block(block.Lines.ToString(), fenced.Info));
                renderer.WriteLine();
                return;
            }
            fallback.Write(renderer, block);
        }
    }
}
