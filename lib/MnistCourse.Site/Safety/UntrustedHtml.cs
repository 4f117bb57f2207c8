using System.Text.RegularExpressions;
using Ganss.Xss;

namespace MnistCourse.Site.Safety;

/// <summary>
/// HTML from a notebook (text/html outputs, markdown cells, text/markdown outputs) is untrusted: a notebook is a file
/// anyone can hand a learner. It goes through HtmlSanitizer (an allow-list of tags, attributes, CSS and URL schemes):
/// scripts, event handlers, iframes, objects, forms, <c>javascript:</c> and other active URLs are dropped, the rest
/// kept. The only script the site runs is its own (plotly.min.js and charts.js, see <see cref="Charts.CourseChart"/>).
/// </summary>
public static partial class UntrustedHtml
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>data: URLs are kept for images only (cell attachments and inline pictures); elsewhere they are dropped.</summary>
    [GeneratedRegex(@"^data:image/(?:png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$", RegexOptions.IgnoreCase)]
    private static partial Regex ImageDataUrl();

    public static string Clean(string html) => Sanitizer.Sanitize(html);

    /// <summary>Whether <paramref name="url"/> is a base64 data: URL of an image type a browser shows without running anything.</summary>
    public static bool IsImageDataUrl(string url) => ImageDataUrl().IsMatch(url);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("data");
        sanitizer.AllowedAttributes.Add("class"); // the lessons' tables and the highlighter's token classes
        sanitizer.AllowedAttributes.Add("id");    // heading anchors that lessons link to
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.OriginalUrl.StartsWith("data:", StringComparison.OrdinalIgnoreCase)
                && !(e.Tag.TagName.Equals("img", StringComparison.OrdinalIgnoreCase) && IsImageDataUrl(e.OriginalUrl)))
                e.SanitizedUrl = null;
        };
        return sanitizer;
    }
}
