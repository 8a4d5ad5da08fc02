using IraqCoalition.Core.Linguistics.Conllu;

namespace IraqCoalition.Core.Linguistics.Names.Corpora;

/// <summary>
/// Names from GUM's <c>Entity=</c> MISC annotation (CoNLL 2012 bracketing with coreference ids). GUM
/// marks every mention, named or not ("the city", "his"); a mention counts as a name when its
/// syntactic head (the token whose head lies outside the mention) is a proper noun (XPOS NNP or
/// NNPS, which GUM gives every part of a name, or UPOS PROPN). The name is the run of proper nouns around that head, with lower-case connectors inside it ("University of
/// Chicago"), so determiners, titles in lower case, appositions and relative clauses fall away.
/// person, organization and place give PER, ORG and LOC; a person mention that is one plural proper
/// noun ("Americans", "Democrats", tagged NNPS) is a group, NORP. Where names overlap (nested
/// mentions), the longer one wins.
/// </summary>
public static class GumEntities
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "&", "for", "de", "del", "da", "di", "du", "la", "le", "von", "van", "der", "den", "bin", "ibn", "al", "el", "-", "'s", "on", "upon",
    };

    public static List<NerSentence> ReadFile(string path) => Convert(ConlluReader.ReadFile(path));

    public static List<NerSentence> Convert(IEnumerable<ConlluSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<NerSentence>();
        var document = -1;
        foreach (var s in sentences)
        {
            if (document < 0 || s.Comment("newdoc id") is not null)
            {
                document++;
            }

            result.Add(new NerSentence([.. s.Words.Select(w => w.Form)], Names(s.Words), document));
        }

        return result;
    }

    /// <summary>A mention: token range [Start, End) and GUM entity type.</summary>
    public readonly record struct Mention(int Start, int End, string Type);

    /// <summary>Every mention of one sentence; mentions still open at the sentence end are dropped.</summary>
    public static List<Mention> Mentions(IReadOnlyList<ConlluWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var result = new List<Mention>();
        var open = new List<(string Id, string Type, int Start)>();
        for (var i = 0; i < words.Count; i++)
        {
            var value = MiscValue(words[i].Misc, "Entity");
            var p = 0;
            while (p < value.Length)
            {
                if (value[p] == '(')
                {
                    var end = value.IndexOfAny(['(', ')'], p + 1);
                    end = end < 0 ? value.Length : end;
                    var attrs = value[(p + 1)..end].Split('-');
                    var id = attrs[0];
                    var type = attrs.Length > 1 ? attrs[1] : "";
                    if (end < value.Length && value[end] == ')')
                    {
                        result.Add(new Mention(i, i + 1, type));
                        end++;
                    }
                    else
                    {
                        open.Add((id, type, i));
                    }

                    p = end;
                }
                else
                {
                    var close = value.IndexOf(')', p);
                    if (close < 0)
                    {
                        break;
                    }

                    var id = value[p..close];
                    var k = open.FindLastIndex(o => o.Id == id);
                    if (k >= 0)
                    {
                        result.Add(new Mention(open[k].Start, i + 1, open[k].Type));
                        open.RemoveAt(k);
                    }

                    p = close + 1;
                }
            }
        }

        return result;
    }

    public static List<NameSpan> Names(IReadOnlyList<ConlluWord> words)
    {
        var names = new List<NameSpan>();
        foreach (var m in Mentions(words))
        {
            if (!TypeOf(m.Type, out var type))
            {
                continue;
            }

            var head = Head(words, m);
            if (head < 0 || !IsNameWord(words[head]))
            {
                continue;
            }

            var (start, end) = NameRun(words, m, head);
            if (type == NameType.Person && end - start == 1 && words[start].Xpos == "NNPS")
            {
                type = NameType.Group;
            }

            names.Add(new NameSpan(start, end, type));
        }

        return NerSentence.KeepLongest(names);
    }

    private static bool TypeOf(string gumType, out NameType type)
    {
        type = gumType switch
        {
            "person" => NameType.Person,
            "organization" => NameType.Organization,
            "place" => NameType.Location,
            _ => (NameType)255,
        };
        return (int)type != 255;
    }

    // The first token whose head is outside the mention, a proper noun among several such roots
    // winning; failing that a proper noun in apposition to that root ("co-star [Jensen Ackles]").
    // Not GUM's minspan: it also lists words deep inside modifiers ("president of the Congress of
    // Linguists in [Copenhagen]" would become a person).
    private static int Head(IReadOnlyList<ConlluWord> words, Mention m)
    {
        var first = -1;
        for (var i = m.Start; i < m.End; i++)
        {
            var h = words[i].Head - 1;
            if (h >= m.Start && h < m.End)
            {
                continue;
            }

            if (IsNameWord(words[i]))
            {
                return i;
            }

            first = first < 0 ? i : first;
        }

        for (var i = m.Start; i < m.End && first >= 0; i++)
        {
            if (words[i].Deprel == "appos" && words[i].Head - 1 == first && IsNameWord(words[i]))
            {
                return i;
            }
        }

        return first;
    }

    private static (int Start, int End) NameRun(IReadOnlyList<ConlluWord> words, Mention m, int head)
    {
        var start = head;
        for (var j = head - 1; j >= m.Start; j--)
        {
            if (IsNameWord(words[j]))
            {
                start = j;
            }
            else if (!Connectors.Contains(words[j].Form))
            {
                break;
            }
        }

        var end = head + 1;
        for (var j = head + 1; j < m.End; j++)
        {
            if (IsNameWord(words[j]))
            {
                end = j + 1;
            }
            else if (!Connectors.Contains(words[j].Form))
            {
                break;
            }
        }

        return (start, end);
    }

    // GUM's XPOS marks every part of a name NNP/NNPS even where UPOS gives its word class ("United" ADJ, "Keep" VERB).
    private static bool IsNameWord(ConlluWord w) => w.Xpos is "NNP" or "NNPS" || w.Upos == "PROPN";

    private static string MiscValue(string misc, string key)
    {
        foreach (var part in misc.Split('|'))
        {
            if (part.Length > key.Length && part.StartsWith(key, StringComparison.Ordinal) && part[key.Length] == '=')
            {
                return part[(key.Length + 1)..];
            }
        }

        return "";
    }
}
