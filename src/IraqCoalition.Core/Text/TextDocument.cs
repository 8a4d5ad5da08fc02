namespace IraqCoalition.Core.Text;

/// <summary>An article body split into paragraphs and sentences, all as spans of the original text.</summary>
public sealed class TextDocument
{
    public TextDocument(string text, IReadOnlyList<Span> paragraphs, IReadOnlyList<Span> sentences)
    {
        Text = text;
        Paragraphs = paragraphs;
        Sentences = sentences;
    }

    public string Text { get; }
    public IReadOnlyList<Span> Paragraphs { get; }
    public IReadOnlyList<Span> Sentences { get; }

    /// <summary>Index of the sentence containing <paramref name="offset"/>, or -1.</summary>
    public int SentenceIndexAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var s = Sentences[mid];
            if (offset < s.Start)
            {
                hi = mid - 1;
            }
            else if (offset >= s.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>The paragraph containing <paramref name="offset"/>, or null.</summary>
    public Span? ParagraphAt(int offset)
    {
        foreach (var p in Paragraphs)
        {
            if (p.Contains(offset))
            {
                return p;
            }
        }

        return null;
    }
}
