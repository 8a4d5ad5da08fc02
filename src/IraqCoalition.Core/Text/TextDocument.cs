namespace IraqCoalition.Core.Text;

/// <summary>An article body split into paragraphs, sentences and tokens, all as spans of the original text.</summary>
public sealed class TextDocument
{
    private readonly int[] sentenceFirstToken;

    public TextDocument(string text, IReadOnlyList<Span> paragraphs, IReadOnlyList<Span> sentences)
        : this(text, paragraphs, sentences, Tokenizer.Tokenize(text), null, null, null)
    {
    }

    public TextDocument(
        string text,
        IReadOnlyList<Span> paragraphs,
        IReadOnlyList<Span> sentences,
        IReadOnlyList<Token> tokens,
        int[]? sentenceFirstToken,
        IReadOnlyList<Quote>? quotes,
        Dateline? dateline)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(paragraphs);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tokens);
        Text = text;
        Paragraphs = paragraphs;
        Sentences = sentences;
        Tokens = tokens;
        this.sentenceFirstToken = sentenceFirstToken ?? IndexSentences(tokens, sentences);
        Quotes = quotes ?? QuoteFinder.Find(text, tokens, paragraphs);
        Dateline = dateline;
    }

    public string Text { get; }
    public IReadOnlyList<Span> Paragraphs { get; }
    public IReadOnlyList<Span> Sentences { get; }
    public IReadOnlyList<Token> Tokens { get; }
    public IReadOnlyList<Quote> Quotes { get; }

    /// <summary>The dateline opening the body ("BAGHDAD —"), or null.</summary>
    public Dateline? Dateline { get; }

    /// <summary>Token index range [start, end) of sentence <paramref name="sentence"/>.</summary>
    public (int Start, int End) SentenceTokens(int sentence) => (sentenceFirstToken[sentence], sentenceFirstToken[sentence + 1]);

    /// <summary>Index of the sentence containing <paramref name="offset"/>, or -1.</summary>
    public int SentenceIndexAt(int offset) => Find(Sentences, offset);

    /// <summary>Index of the paragraph containing <paramref name="offset"/>, or -1.</summary>
    public int ParagraphIndexAt(int offset) => Find(Paragraphs, offset);

    /// <summary>The paragraph containing <paramref name="offset"/>, or null.</summary>
    public Span? ParagraphAt(int offset)
    {
        var i = Find(Paragraphs, offset);
        return i < 0 ? null : Paragraphs[i];
    }

    /// <summary>Index of the first token that ends after <paramref name="offset"/> (tokens.Count when none).</summary>
    public int TokenIndexAt(int offset)
    {
        int lo = 0, hi = Tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (Tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The quotation passage containing <paramref name="offset"/>, or null.</summary>
    public Quote? QuoteAt(int offset)
    {
        // Passages are sorted by start and never cross; single-quoted passages may sit inside a double-quoted
        // one (which comes just before them in the list), and the outer one is returned.
        int lo = 0, hi = Quotes.Count - 1, last = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            if (Quotes[mid].Span.Start <= offset)
            {
                last = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        Quote? found = null;
        for (var k = last; k >= 0 && last - k <= 8; k--)
        {
            if (Quotes[k].Span.Contains(offset))
            {
                found = Quotes[k];
            }
        }

        return found;
    }

    private static int Find(IReadOnlyList<Span> spans, int offset)
    {
        int lo = 0, hi = spans.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >> 1;
            var s = spans[mid];
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

    private static int[] IndexSentences(IReadOnlyList<Token> tokens, IReadOnlyList<Span> sentences)
    {
        var result = new int[sentences.Count + 1];
        var t = 0;
        for (var s = 0; s < sentences.Count; s++)
        {
            while (t < tokens.Count && tokens[t].Start < sentences[s].Start)
            {
                t++;
            }

            result[s] = t;
        }

        result[sentences.Count] = tokens.Count;
        return result;
    }
}
