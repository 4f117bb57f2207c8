using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MnistCourse.Kernel.Language;

/// <summary>
/// Cursor positions between Jupyter and Roslyn. Jupyter counts Unicode code points (protocol 5.2+), .NET strings
/// count UTF-16 units; and the engine analyses the cell with its directive lines blanked, so an offset in the cell
/// is mapped through (line, column) onto the analysed tree.
/// </summary>
public static class CellPosition
{
    /// <summary>UTF-16 index of the <paramref name="codePoints"/>-th code point of <paramref name="text"/> (clamped).</summary>
    public static int ToUtf16(string text, int codePoints)
    {
        var index = 0;
        for (var n = 0; n < codePoints && index < text.Length; n++)
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        return index;
    }

    /// <summary>How many code points precede UTF-16 index <paramref name="index"/>.</summary>
    public static int ToCodePoints(string text, int index)
    {
        var count = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            count++;
        }
        return count;
    }

    /// <summary>The position in <paramref name="tree"/> of UTF-16 offset <paramref name="offset"/> in the cell's code.</summary>
    public static int InTree(string code, int offset, SyntaxTree tree)
    {
        var where = SourceText.From(code).Lines.GetLinePosition(Math.Clamp(offset, 0, code.Length));
        var lines = tree.GetText().Lines;
        if (where.Line >= lines.Count) return tree.Length;
        var line = lines[where.Line];
        return line.Start + Math.Min(where.Character, line.End - line.Start);
    }
}
