using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Extraction;

internal enum WordTokenKind : byte
{
    Word,
    Punct,
    Quote,
}

/// <summary>One token with its span; <see cref="Lower"/> is the lower-cased text with curly apostrophes straightened.</summary>
internal readonly record struct WordToken(int Start, int End, string Lower, WordTokenKind Kind, int Sentence)
{
    public bool IsWord => Kind == WordTokenKind.Word;

    public Span Span => new(Start, End);
}

/// <summary>
/// The words of a document with their sentence and the actor mention covering each of them. Statement
/// and event rules read the same tokens, so the document is tokenised once per article.
/// </summary>
internal sealed class WordTokens
{
    // A concrete list, not IReadOnlyList: token access is the innermost loop and interface dispatch shows in profiles.
    private readonly List<WordToken> _items;
    private readonly ActorMention?[] _mentionAt;
    private readonly int[] _sentenceFirst;

    public WordTokens(TextDocument doc, ActorAnalysis actors)
    {
        Doc = doc;
        Actors = actors;
        var list = new List<WordToken>(doc.Text.Length / 5);
        _sentenceFirst = new int[doc.Sentences.Count + 1];
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            _sentenceFirst[s] = list.Count;
            Tokenize(doc.Text, doc.Sentences[s], s, list);
        }

        _sentenceFirst[doc.Sentences.Count] = list.Count;
        _items = list;
        _mentionAt = new ActorMention?[list.Count];
        var mentions = actors.Mentions;
        var m = 0;
        for (var i = 0; i < list.Count; i++)
        {
            var t = list[i];
            while (m < mentions.Count && mentions[m].Span.End <= t.Start)
            {
                m++;
            }

            // Mentions are sorted by start, longest first: the first one that covers the token wins.
            for (var k = m; k < mentions.Count && mentions[k].Span.Start <= t.Start; k++)
            {
                if (mentions[k].Span.End >= t.End && mentions[k].Span.Start <= t.Start)
                {
                    _mentionAt[i] = mentions[k];
                    break;
                }
            }
        }
    }

    public TextDocument Doc { get; }
    public ActorAnalysis Actors { get; }
    public IReadOnlyList<WordToken> Items => _items;

    public int Count => _items.Count;

    public WordToken this[int i] => _items[i];

    public ActorMention? MentionAt(int i) => i >= 0 && i < _mentionAt.Length ? _mentionAt[i] : null;

    public int SentenceStart(int sentence) => _sentenceFirst[sentence];

    public int SentenceEnd(int sentence) => _sentenceFirst[sentence + 1];

    public string Word(int i) => (uint)i < (uint)_items.Count ? _items[i].Lower : "";

    /// <summary>First token index at or after <paramref name="offset"/>.</summary>
    public int IndexAtOrAfter(int offset)
    {
        int lo = 0, hi = _items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (_items[mid].Start < offset)
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

    private static void Tokenize(string text, Span sentence, int s, List<WordToken> into)
    {
        var i = sentence.Start;
        while (i < sentence.End)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                i++;
                while (i < sentence.End)
                {
                    var d = text[i];
                    if (char.IsLetterOrDigit(d))
                    {
                        i++;
                    }
                    else if (d == ',' && char.IsAsciiDigit(text[i - 1]) && i + 1 < sentence.End && char.IsAsciiDigit(text[i + 1]))
                    {
                        // "3,000 troops" is one number.
                        i += 2;
                    }
                    else if (d is '.' or '-' or '\'' or '\u2019' or '\u2011' && i + 1 < sentence.End && char.IsLetterOrDigit(text[i + 1])
                             && !IsPossessive(text, i, sentence.End))
                    {
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }

                // "U.S." keeps its final dot when the word is a dotted acronym.
                if (i < sentence.End && text[i] == '.' && i - start >= 2 && text[i - 2] == '.')
                {
                    i++;
                }

                into.Add(new WordToken(start, i, Lower(text, start, i), WordTokenKind.Word, s));
                continue;
            }

            if (c is '\'' or '\u2019' && IsPossessive(text, i, sentence.End))
            {
                var end = i + 1 < sentence.End && text[i + 1] is 's' or 'S' ? i + 2 : i + 1;
                into.Add(new WordToken(i, end, "'s", WordTokenKind.Word, s));
                i = end;
                continue;
            }

            var kind = c is '"' or '\u201C' or '\u201D' or '\u00AB' or '\u00BB' ? WordTokenKind.Quote : WordTokenKind.Punct;
            into.Add(new WordToken(i, i + 1, c switch { '\u2014' or '\u2013' => "-", _ => c.ToString() }, kind, s));
            i++;
        }
    }

    private static bool IsPossessive(string text, int i, int end)
    {
        if (text[i] is not ('\'' or '\u2019') || i == 0 || !char.IsLetter(text[i - 1]))
        {
            return false;
        }

        if (i + 1 >= end)
        {
            return text[i - 1] is 's' or 'S';
        }

        if (text[i + 1] is 's' or 'S')
        {
            return i + 2 >= end || !char.IsLetterOrDigit(text[i + 2]);
        }

        return text[i - 1] is 's' or 'S' && !char.IsLetterOrDigit(text[i + 1]);
    }

    private static string Lower(string text, int start, int end)
    {
        Span<char> buf = end - start <= 128 ? stackalloc char[end - start] : new char[end - start];
        for (var k = start; k < end; k++)
        {
            var ch = text[k];
            buf[k - start] = ch == '\u2019' ? '\'' : char.ToLowerInvariant(ch);
        }

        return WordPool.Intern(buf);
    }
}

/// <summary>Shares one string per distinct lower-cased word, which keeps tokenising big corpora cheap.</summary>
internal static class WordPool
{
    [ThreadStatic] private static Dictionary<string, string>? _pool;

    public static string Intern(ReadOnlySpan<char> word)
    {
        var pool = _pool ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var s))
        {
            return s;
        }

        if (pool.Count > 200_000)
        {
            pool.Clear();
        }

        s = word.ToString();
        pool[s] = s;
        return s;
    }
}
