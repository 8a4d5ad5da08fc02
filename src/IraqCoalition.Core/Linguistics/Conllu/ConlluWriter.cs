using System.Globalization;
using IraqCoalition.Core.Annotation;

namespace IraqCoalition.Core.Linguistics.Conllu;

/// <summary>
/// Writes a document's word, tag, dependency and entity layers as CoNLL-U, one sentence per block,
/// so they can be scored with the CoNLL 2018 shared task's evaluation script. MISC carries the
/// word's character range in the text (<c>TokenRange=start:end</c>), <c>SpaceAfter=No</c> and the
/// entity tag (<c>NE=B-PER</c>).
/// </summary>
public static class ConlluWriter
{
    /// <param name="forms">Word forms to print instead of the text's characters (gold tokens from a CoNLL-U input).</param>
    public static void Write(TextWriter w, AnnotatedDocument doc, string docId, IReadOnlyList<string>? forms = null)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(doc);
        var words = doc.Words;
        var tags = doc.Has(Layer.Tags) ? doc.Tags : null;
        var deps = doc.Has(Layer.Dependencies) ? doc.Dependencies : null;
        var entities = EntityTags(doc);
        var text = doc.Text;
        for (var s = 0; s < words.SentenceCount; s++)
        {
            var first = words.SentenceStart[s];
            var end = words.SentenceStart[s + 1];
            if (end == first)
            {
                continue;
            }

            w.WriteLine($"# sent_id = {docId}-{s + 1}");
            var from = words.Spans[first].Start;
            var to = words.Spans[end - 1].End;
            w.WriteLine($"# text = {OneLine(text.AsSpan(from, to - from))}");
            for (var i = first; i < end; i++)
            {
                var span = words.Spans[i];
                var form = forms?[i] ?? text.Substring(span.Start, span.Length);
                var head = deps is null ? "_" : (deps.Heads[i] < 0 ? 0 : deps.Heads[i] - first + 1).ToString(CultureInfo.InvariantCulture);
                var misc = string.Create(CultureInfo.InvariantCulture, $"TokenRange={span.Start}:{span.End}");
                if (i + 1 < end && words.Spans[i + 1].Start == span.End)
                {
                    misc += "|SpaceAfter=No";
                }

                if (entities is not null)
                {
                    misc += "|NE=" + entities[i];
                }

                w.Write(string.Create(CultureInfo.InvariantCulture, $"{i - first + 1}\t{Clean(form)}\t"));
                w.Write(tags is null ? "_\t_\t_\t_" : $"{Clean(tags.Lemmas[i])}\t{tags.Upos[i]}\t{tags.Xpos[i]}\t{tags.Feats[i]}");
                w.WriteLine($"\t{head}\t{deps?.Relations[i] ?? "_"}\t_\t{misc}");
            }

            w.WriteLine();
        }
    }

    private static string[]? EntityTags(AnnotatedDocument doc)
    {
        if (!doc.Has(Layer.Entities))
        {
            return null;
        }

        var tags = Enumerable.Repeat("O", doc.Words.Count).ToArray();
        foreach (var e in doc.Entities)
        {
            for (var i = e.FirstWord; i < e.EndWord; i++)
            {
                tags[i] = (i == e.FirstWord ? "B-" : "I-") + e.Type;
            }
        }

        return tags;
    }

    private static string OneLine(ReadOnlySpan<char> s) => s.ToString().ReplaceLineEndings(" ");

    // A form or lemma may not hold a tab or line break in CoNLL-U.
    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
}
