using System.Net;
using ColorCode;

namespace MnistCourse.Site;

/// <summary>
/// Syntax highlighting with ColorCode (the highlighter of the Windows Community Toolkit): tokens become
/// &lt;span class="keyword|string|comment|…"&gt;, coloured by site.css. ColorCode knows the languages by name and
/// alias (csharp, cs, c#, js, py, …); unknown ones are shown escaped, unhighlighted.
/// </summary>
public static class CodeHighlighter
{
    /// <summary>A code block, &lt;pre class="code"&gt;&lt;code class="language-…"&gt;, its tokens highlighted when ColorCode knows the language.</summary>
    public static string Block(string code, string? language)
    {
        code = code.TrimEnd('\n', '\r', ' ', '\t');
        var cls = string.IsNullOrWhiteSpace(language) ? "" : $" class=\"language-{WebUtility.HtmlEncode(language.Trim().ToLowerInvariant())}\"";
        return $"<pre class=\"code\"><code{cls}>{Tokens(code, language) ?? WebUtility.HtmlEncode(code)}</code></pre>";
    }

    private static string? Tokens(string code, string? language)
    {
        var lang = string.IsNullOrWhiteSpace(language) ? null : Languages.FindById(language.Trim());
        if (lang is null || code.Length == 0) return null;
        var html = new HtmlClassFormatter().GetHtmlString(code, lang);
        // ColorCode wraps the tokens in <div class="…"><pre>\n … \n</pre></div>: keep the tokens only.
        var start = html.IndexOf("<pre>", StringComparison.Ordinal);
        var end = html.LastIndexOf("</pre>", StringComparison.Ordinal);
        return start < 0 || end < start ? null : html.Substring(start + 5, end - start - 5).Trim('\n', '\r');
    }
}
