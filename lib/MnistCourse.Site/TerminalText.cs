using System.Text;
using System.Text.RegularExpressions;

namespace MnistCourse.Site;

/// <summary>
/// Stream text as a terminal (and Jupyter) shows it: ANSI escape sequences removed, a carriage return moves back to
/// the start of the line so the following characters overwrite it (Keras-style progress bars collapse to their last
/// state), a backspace moves back one character.
/// </summary>
public static partial class TerminalText
{
    // CSI (ESC [ … final byte), OSC (ESC ] … BEL or ESC \), and two-character ESC sequences.
    [GeneratedRegex(@"\x1B(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1B]*(?:\x07|\x1B\\)|[@-Z\\-_])")]
    private static partial Regex Ansi();

    public static string StripAnsi(string text) => Ansi().Replace(text, "");

    /// <summary>What a terminal would display for <paramref name="text"/>: ANSI codes removed, '\r' and '\b' applied.</summary>
    public static string Render(string text)
    {
        text = StripAnsi(text).Replace("\r\n", "\n");
        var output = new StringBuilder(text.Length);
        var line = new List<char>();
        var cursor = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n':
                    output.Append(line.ToArray()).Append('\n');
                    line.Clear();
                    cursor = 0;
                    break;
                case '\r':
                    cursor = 0;
                    break;
                case '\b':
                    if (cursor > 0) cursor--;
                    break;
                default:
                    if (cursor < line.Count) line[cursor] = c;
                    else line.Add(c);
                    cursor++;
                    break;
            }
        }
        output.Append(line.ToArray());
        return output.ToString();
    }
}
