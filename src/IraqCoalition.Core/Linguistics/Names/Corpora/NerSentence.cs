using IraqCoalition.Core.Linguistics.Learning;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Names.Corpora;

/// <summary>
/// One sentence of a name corpus in the common form every converter produces: word forms, the gold
/// names as token ranges, and the index of the document it came from (for document-level splits).
/// </summary>
public sealed record NerSentence(IReadOnlyList<string> Words, IReadOnlyList<NameSpan> Names, int Document)
{
    /// <summary>The words laid out as one text with single spaces, the shape every model reads.</summary>
    public (string Text, Span[] Tokens) Layout() => TokenLayout.Of(Words);

    /// <summary>The sentence as BIO lines ("word\tB-PER"), the format <see cref="BioReader"/> reads back.</summary>
    public void WriteBio(TextWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        var tags = new string[Words.Count];
        Array.Fill(tags, "O");
        foreach (var n in Names)
        {
            for (var i = n.Start; i < n.End; i++)
            {
                tags[i] = (i == n.Start ? "B-" : "I-") + NameTypes.Code(n.Type);
            }
        }

        for (var i = 0; i < Words.Count; i++)
        {
            w.Write(Words[i]);
            w.Write('\t');
            w.WriteLine(tags[i]);
        }

        w.WriteLine();
    }

    /// <summary>
    /// Non-overlapping names from possibly nested ones, longest first, then leftmost: corpora that
    /// mark mentions nest names in names ("[Aberdeen] Grammar School", "the [Kurdish] YPG"), and
    /// the outer one is the name a flat tagger should find.
    /// </summary>
    public static List<NameSpan> KeepLongest(IEnumerable<NameSpan> names)
    {
        var kept = new List<NameSpan>();
        foreach (var n in names.OrderByDescending(n => n.Length).ThenBy(n => n.Start).ThenBy(n => n.Type))
        {
            if (!kept.Exists(k => k.Start < n.End && n.Start < k.End))
            {
                kept.Add(n);
            }
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }
}
