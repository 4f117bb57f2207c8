using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace MnistCourse.Export.Writing;

/// <summary>
/// Changes to a cell's text, as spans: the cell keeps its own formatting and comments everywhere it is not changed.
/// Regions (a using, a type declaration moved away) replace a whole span; edits inside a region are ignored there
/// and apply when the region's own text is taken (a moved type keeps its renames).
/// </summary>
internal sealed class TextEdits
{
    private readonly List<(int Start, int End, string Text, int Order)> _edits = [];

    public void Replace(TextSpan span, string text) => _edits.Add((span.Start, span.End, text, _edits.Count));

    public void Insert(int position, string text) => _edits.Add((position, position, text, _edits.Count));

    public void Delete(int start, int end) => _edits.Add((start, end, "", _edits.Count));

    /// <summary>The text of <paramref name="within"/> with the edits inside it applied, and each region replaced by its text.</summary>
    public string Apply(string source, TextSpan within, IReadOnlyList<(TextSpan Span, string Text)>? regions = null)
    {
        regions ??= [];
        var changes = new List<(int Start, int End, string Text, int Order)>();
        foreach (var (span, text) in regions)
            if (within.Contains(span)) changes.Add((span.Start, span.End, text, -1));
        foreach (var edit in _edits)
        {
            if (edit.Start < within.Start || edit.End > within.End) continue;
            if (edit.Start == edit.End && edit.Start == within.End && within.End < source.Length) continue; // an insert there begins what follows
            if (regions.Any(r => within.Contains(r.Span) && Overlaps(r.Span, edit.Start, edit.End))) continue;
            changes.Add(edit);
        }
        var builder = new StringBuilder();
        var position = within.Start;
        // Inserts go before a change that starts at the same place; otherwise in the order they were made.
        foreach (var change in changes.OrderBy(c => c.Start).ThenBy(c => c.End > c.Start).ThenBy(c => c.Order))
        {
            if (change.Start < position)
                throw new InvalidOperationException($"overlapping edits at {change.Start} (already at {position}): {change.Text}");
            builder.Append(source, position, change.Start - position).Append(change.Text);
            position = change.End;
        }
        builder.Append(source, position, within.End - position);
        return builder.ToString();
    }

    /// <summary>An edit at the very edge of a region (an insert at its start or end) stays outside it.</summary>
    private static bool Overlaps(TextSpan region, int start, int end) =>
        start == end ? start > region.Start && start < region.End : start < region.End && end > region.Start;
}
