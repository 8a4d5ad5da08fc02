using System.Text.Json;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Names.Corpora;

/// <summary>
/// Names from re3d (Dstl): documents.json and entities.json (mongoexport, one JSON object a line) with
/// character offsets into each document's text. The text is split into sentences and tokens by the
/// product's own segmenter, so training sees the tokens the product makes. Person, Organisation,
/// Location and Nationality give PER, ORG, LOC and NORP; the other types are not names.
/// re3d also marks descriptions ("the northern part of the country", "U.S. forces"): after a leading
/// article is dropped, a mention counts as a name only if every word is capitalised (or a connector
/// such as "of"). A description that holds a capitalised word no other mention covers ("U.S. service
/// members") would teach the model that the name in it is not one, so its whole sentence is left out.
/// </summary>
public static class Re3dReader
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "and", "&", "for", "the", "al", "de", "-", "bin", "ibn", "on" };

    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase) { "the", "a", "an" };

    /// <summary>Reads one re3d folder (documents.json and entities.json); documents are numbered from <paramref name="firstDocument"/>.</summary>
    public static List<NerSentence> ReadFolder(string folder, int firstDocument = 0)
    {
        var docs = ReadLines(Path.Combine(folder, "documents.json"))
            .Select(e => (Id: e.GetProperty("_id").GetString()!, Text: e.GetProperty("text").GetString()!))
            .ToList();
        var entities = ReadLines(Path.Combine(folder, "entities.json"))
            .Select(e => (Doc: e.GetProperty("documentId").GetString()!, Begin: e.GetProperty("begin").GetInt32(), End: e.GetProperty("end").GetInt32(), Type: e.GetProperty("type").GetString()!))
            .ToLookup(e => e.Doc);
        var result = new List<NerSentence>();
        for (var d = 0; d < docs.Count; d++)
        {
            result.AddRange(Convert(docs[d].Text, entities[docs[d].Id].Select(e => (e.Begin, e.End, e.Type)), firstDocument + d));
        }

        return result;
    }

    /// <summary>Reads every re3d folder under <paramref name="root"/>, in ordinal order of folder name.</summary>
    public static List<NerSentence> ReadAll(string root)
    {
        var result = new List<NerSentence>();
        var document = 0;
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var part = ReadFolder(folder, document);
            result.AddRange(part);
            document = part.Count == 0 ? document : part.Max(s => s.Document) + 1;
        }

        return result;
    }

    /// <summary>Sentences of one document with the names its entities give (offsets into <paramref name="text"/>).</summary>
    public static List<NerSentence> Convert(string text, IEnumerable<(int Begin, int End, string Type)> entities, int document)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var doc = TextSegmenter.Segment(text);
        var result = new List<NerSentence>();
        var all = entities.ToList();
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var (first, last) = doc.SentenceTokens(s);
            if (last <= first)
            {
                continue;
            }

            var words = new string[last - first];
            for (var i = first; i < last; i++)
            {
                words[i - first] = doc.Tokens[i].Span.Slice(text);
            }

            var sentence = doc.Sentences[s];
            var names = new List<NameSpan>();
            var suspects = new List<int>();
            foreach (var (begin, end, label) in all)
            {
                if (begin >= sentence.End || end <= sentence.Start)
                {
                    continue;
                }

                var (a, b) = TokenRange(doc.Tokens, first, last, begin, end);
                if (a >= b)
                {
                    continue;
                }

                var isType = NameTypes.TryParse(label, out var type);
                var name = NameOf(words, a - first, b - first);
                if (name is { } n && isType)
                {
                    names.Add(new NameSpan(n.Start, n.End, type));
                }
                else if (isType && name is null)
                {
                    AddCapitals(words, a - first, b - first, suspects);
                }
            }

            // A capitalised word in a description is fine when a name of its own covers it ("Syrian" in "Syrian forces").
            var kept = NerSentence.KeepLongest(names);
            if (suspects.TrueForAll(i => kept.Exists(n => n.Start <= i && i < n.End)))
            {
                result.Add(new NerSentence(words, kept, document));
            }
        }

        return result;
    }

    private static (int Start, int End) TokenRange(IReadOnlyList<Token> tokens, int first, int last, int begin, int end)
    {
        var a = first;
        while (a < last && tokens[a].End <= begin)
        {
            a++;
        }

        var b = a;
        while (b < last && tokens[b].Start < end)
        {
            b++;
        }

        return (a, b);
    }

    // The name inside a mention after its leading article, or null when the mention is a description.
    private static (int Start, int End)? NameOf(string[] words, int a, int b)
    {
        while (a < b && Articles.Contains(words[a]))
        {
            a++;
        }

        if (a >= b || !IsCapitalised(words[a]) || !IsCapitalised(words[b - 1]))
        {
            return null;
        }

        for (var i = a; i < b; i++)
        {
            if (!IsCapitalised(words[i]) && !Connectors.Contains(words[i]))
            {
                return null;
            }
        }

        return (a, b);
    }

    private static void AddCapitals(string[] words, int a, int b, List<int> into)
    {
        for (var i = a; i < b; i++)
        {
            if (IsCapitalised(words[i]) && !Articles.Contains(words[i]))
            {
                into.Add(i);
            }
        }
    }

    private static bool IsCapitalised(string w) => w.Length > 0 && (char.IsUpper(w[0]) || (char.IsDigit(w[0]) && w.Any(char.IsUpper)));

    private static IEnumerable<JsonElement> ReadLines(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.AsSpan().Trim().IsEmpty)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            yield return json.RootElement.Clone();
        }
    }
}
