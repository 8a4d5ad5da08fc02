using System.Text;

namespace IraqCoalition.Core.Statements;

/// <summary>
/// A statement as a reader sees it: a direct quote between quotation marks, reported speech as plain
/// text after a lead ("reported: …"). <see cref="Text"/> never carries the outer marks, and every
/// quotation mark inside it is balanced.
/// </summary>
public sealed record DisplayedStatement(bool Quoted, string Text)
{
    public const string Opening = "\u201C";
    public const string Closing = "\u201D";
    public const string ReportedLead = "reported:";

    /// <summary>The whole line in plain text (Markdown, CSV, titles): "“…”" or "reported: …".</summary>
    public override string ToString() => Quoted ? Opening + Text + Closing : $"{ReportedLead} {Text}";
}

/// <summary>
/// Decides how a statement's text is shown, once for every page and export. The stored text is a
/// span of the article: a reported statement may hold a partial quote ("relations were “in a period
/// of turbulence"), cut before its closing mark, and a direct quote may hold a quote of its own.
/// Shown naively inside our own marks the nesting breaks; here inner quotes alternate double and
/// single marks by depth (inside a direct quote they start single), and marks left open are closed.
/// </summary>
public static class StatementWording
{
    public static DisplayedStatement Display(string? text, bool direct)
    {
        var trimmed = (text ?? "").Trim();
        if (direct)
        {
            trimmed = WithoutOuterMarks(trimmed);
        }

        return new DisplayedStatement(direct, Balance(trimmed, direct ? 1 : 0));
    }

    /// <summary>Rewrites every quotation mark of <paramref name="text"/> for the depth it sits at, <paramref name="baseDepth"/> being the depth of the text itself.</summary>
    internal static string Balance(string text, int baseDepth)
    {
        // A closing mark with no opening in the text: the quote began before the stored span, so it opens at the start.
        var strays = new StringBuilder();
        foreach (var kind in Scan(text).Where(t => t.Stray))
        {
            strays.Append(kind.Double ? '\u201C' : '\u2018');
        }

        var source = strays.Length == 0 ? text : strays + text;
        var sb = new StringBuilder(source.Length + 4);
        var open = new Stack<bool>();
        var tokens = Scan(source).ToDictionary(t => t.Index);
        for (var i = 0; i < source.Length; i++)
        {
            if (!tokens.TryGetValue(i, out var t))
            {
                sb.Append(source[i]);
            }
            else if (t.Opens)
            {
                sb.Append(Mark(baseDepth + open.Count, opening: true));
                open.Push(t.Double);
            }
            else
            {
                // Closing a double mark also closes single quotes left open inside it.
                while (open.Count > 0)
                {
                    var wasDouble = open.Pop();
                    TrimEnd(sb);
                    sb.Append(Mark(baseDepth + open.Count, opening: false));
                    if (wasDouble == t.Double)
                    {
                        break;
                    }
                }
            }
        }

        while (open.Count > 0)
        {
            open.Pop();
            TrimEnd(sb);
            sb.Append(Mark(baseDepth + open.Count, opening: false));
        }

        return sb.ToString();
    }

    private static string Mark(int depth, bool opening) =>
        (depth % 2 == 0, opening) switch
        {
            (true, true) => "\u201C",
            (true, false) => "\u201D",
            (false, true) => "\u2018",
            (false, false) => "\u2019",
        };

    private static void TrimEnd(StringBuilder sb)
    {
        while (sb.Length > 0 && char.IsWhiteSpace(sb[^1]))
        {
            sb.Length--;
        }
    }

    private readonly record struct QuoteToken(int Index, bool Double, bool Opens, bool Stray);

    /// <summary>The quotation marks of <paramref name="text"/>, apostrophes left out; a closing mark with nothing open is <c>Stray</c>.</summary>
    private static IEnumerable<QuoteToken> Scan(string text)
    {
        var open = new Stack<bool>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var before = i == 0 ? ' ' : text[i - 1];
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            var atWordStart = char.IsWhiteSpace(before) || before is '(' or '[' or '\u2014' or '\u2013' or '-' || IsOpeningMark(before);
            bool? opens = c switch
            {
                '\u201C' or '\u201E' or '\u00AB' => true,
                '\u201D' or '\u00BB' => false,
                // Straight marks open at a word's start and close anywhere else.
                '"' when atWordStart && i + 1 < text.Length && !char.IsWhiteSpace(after) => true,
                '"' => false,
                '\u2018' => true,
                // ’ and ' between letters ("Iraq’s", "don't") or after a plural ("forces’ ") are apostrophes.
                '\u2019' or '\'' when open.Count > 0 && !open.Peek() && !char.IsLetterOrDigit(after) => false,
                '\'' when atWordStart && char.IsLetter(after) => true,
                _ => null,
            };
            if (opens is not { } o)
            {
                continue;
            }

            var isDouble = c is not ('\u2018' or '\u2019' or '\'');
            if (o)
            {
                open.Push(isDouble);
                yield return new QuoteToken(i, isDouble, true, false);
            }
            else if (open.Contains(isDouble))
            {
                while (open.Pop() != isDouble)
                {
                }

                yield return new QuoteToken(i, isDouble, false, false);
            }
            else if (isDouble)
            {
                yield return new QuoteToken(i, isDouble, false, true);
            }
        }
    }

    private static bool IsOpeningMark(char c) => c is '\u201C' or '\u201E' or '\u00AB' or '\u2018' or '"';

    /// <summary>A direct quote stored with its own marks around it ("“We will stay.”") loses them: the display adds its own.</summary>
    private static string WithoutOuterMarks(string text)
    {
        if (text.Length < 2 || text[0] is not ('\u201C' or '"' or '\u201E' or '\u00AB') || text[^1] is not ('\u201D' or '"' or '\u00BB'))
        {
            return text;
        }

        var inner = text[1..^1];
        return inner.IndexOfAny(['\u201C', '\u201D', '"', '\u201E', '\u00AB', '\u00BB']) < 0 ? inner.Trim() : text;
    }
}
