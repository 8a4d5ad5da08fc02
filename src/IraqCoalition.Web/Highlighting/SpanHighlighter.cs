using IraqCoalition.Data.Search;

namespace IraqCoalition.Web.Highlighting;

/// <summary>A marked range of an article body, in body offsets (end exclusive).</summary>
public sealed record Mark(int Start, int End, string Kind, string? Title = null, string? Href = null);

/// <summary>A run of text that carries the same set of marks.</summary>
public sealed record Segment(int Start, string Text, IReadOnlyList<Mark> Marks)
{
    public int End => Start + Text.Length;
}

/// <summary>
/// Cuts text into runs at every mark boundary so overlapping marks (an actor inside a statement inside an
/// event's evidence) can all be shown: each run carries every mark covering it.
/// </summary>
public static class SpanHighlighter
{
    /// <param name="text">The text to cut, which is <c>body[offset .. offset + text.Length]</c>.</param>
    /// <param name="offset">Where <paramref name="text"/> starts in the body the marks index.</param>
    public static IReadOnlyList<Segment> Segment(string text, int offset, IEnumerable<Mark> marks)
    {
        var end = offset + text.Length;
        var clipped = marks
            .Where(m => m.End > m.Start && m.End > offset && m.Start < end)
            .Select(m => m with { Start = Math.Max(m.Start, offset), End = Math.Min(m.End, end) })
            .ToList();

        var cuts = new SortedSet<int> { offset, end };
        foreach (var m in clipped)
        {
            cuts.Add(m.Start);
            cuts.Add(m.End);
        }

        var result = new List<Segment>();
        int? previous = null;
        foreach (var cut in cuts)
        {
            if (previous is { } from && cut > from)
            {
                var covering = clipped.Where(m => m.Start <= from && m.End >= cut).ToList();
                result.Add(new Segment(from, text.Substring(from - offset, cut - from), covering));
            }

            previous = cut;
        }

        return result;
    }

    /// <summary>
    /// Marks on the words of <paramref name="text"/> a search matched, found in C# by the index's own
    /// rules (<see cref="SearchTerms"/>); rendered as elements, so the text is encoded like any other.
    /// </summary>
    public static IReadOnlyList<Mark> Matches(string text, IReadOnlyList<string> words) =>
        SearchTerms.Find(text, words).Select(m => new Mark(m.Start, m.Start + m.Length, "match", "Matches your search")).ToList();

    /// <summary>The paragraph (between line breaks) of <paramref name="body"/> that holds <paramref name="position"/>.</summary>
    public static (int Start, int End) ParagraphAround(string body, int position)
    {
        position = Math.Clamp(position, 0, body.Length);
        var start = position == 0 ? 0 : body.LastIndexOf('\n', Math.Max(position - 1, 0)) + 1;
        var end = body.IndexOf('\n', position);
        return (start, end < 0 ? body.Length : end);
    }

    /// <summary>Paragraphs of <paramref name="body"/> as (start, end) offsets, blank lines dropped.</summary>
    public static IReadOnlyList<(int Start, int End)> Paragraphs(string body)
    {
        var result = new List<(int, int)>();
        var start = 0;
        while (start <= body.Length)
        {
            var end = body.IndexOf('\n', start);
            if (end < 0)
            {
                end = body.Length;
            }

            var line = body.AsSpan(start, end - start);
            if (!line.IsWhiteSpace())
            {
                // A trailing '\r' is not part of the paragraph's visible text.
                var visibleEnd = end > start && body[end - 1] == '\r' ? end - 1 : end;
                result.Add((start, visibleEnd));
            }

            start = end + 1;
        }

        return result;
    }
}
