namespace IraqCoalition.Core.Linguistics.Names.Corpora;

/// <summary>
/// Reads CoNLL-style name files: one "word TAG" line per token (tab or space separated, the tag in the
/// last column), blank lines between sentences, "-DOCSTART-" lines between documents. Both IOB1
/// (wikigold: I- opens a name unless it continues one of the same type) and IOB2 (BTC) are read.
/// Types that <see cref="NameTypes.TryParse"/> does not know (MISC) become O.
/// </summary>
public static class BioReader
{
    public static List<NerSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static List<NerSentence> Read(TextReader reader, string name = "input")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var result = new List<NerSentence>();
        var words = new List<string>();
        var names = new List<NameSpan>();
        var document = 0;
        var sawDocStart = false;
        var open = -1;
        NameType openType = default;
        var lineNo = 0;

        void EndName()
        {
            if (open >= 0)
            {
                names.Add(new NameSpan(open, words.Count, openType));
                open = -1;
            }
        }

        void EndSentence()
        {
            EndName();
            if (words.Count > 0)
            {
                result.Add(new NerSentence([.. words], [.. names], document));
                if (!sawDocStart)
                {
                    // Without document marks (tweets) every sentence is its own document.
                    document++;
                }
            }

            words.Clear();
            names.Clear();
        }

        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            var t = line.AsSpan().Trim();
            if (t.IsEmpty)
            {
                EndSentence();
                continue;
            }

            if (t.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                EndSentence();
                if (sawDocStart || result.Count > 0)
                {
                    document++;
                }

                sawDocStart = true;
                continue;
            }

            var cut = t.LastIndexOfAny(' ', '\t');
            if (cut <= 0)
            {
                // BTC has a few tokens that are only white space ("\u00a0\tO"): nothing to read.
                if (line.Contains('\t', StringComparison.Ordinal) || t.Length <= 6)
                {
                    continue;
                }

                throw new InvalidDataException($"{name}:{lineNo}: expected 'word TAG'");
            }

            var word = t[..cut].TrimEnd().ToString();
            var tag = t[(cut + 1)..];
            NameType type = default;
            var known = tag.Length > 2 && tag[1] == '-' && NameTypes.TryParse(tag[2..], out type);
            if (!known || tag[0] == 'O')
            {
                EndName();
            }
            else if (tag[0] == 'B' || open < 0 || openType != type)
            {
                EndName();
                open = words.Count;
                openType = type;
            }

            words.Add(word);
        }

        EndSentence();
        return result;
    }
}
