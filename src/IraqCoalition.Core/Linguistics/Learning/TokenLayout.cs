using System.Text;
using IraqCoalition.Core.Linguistics.Conllu;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Linguistics.Learning;

/// <summary>Lays a treebank sentence's word forms out as text with spans, the shape every model reads.</summary>
public static class TokenLayout
{
    public static (string Text, Span[] Tokens) Of(IReadOnlyList<ConlluWord> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        return Of(words.Select(w => w.Form).ToArray());
    }

    public static (string Text, Span[] Tokens) Of(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var sb = new StringBuilder();
        var spans = new Span[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(' ');
            }

            var start = sb.Length;
            sb.Append(words[i]);
            spans[i] = new Span(start, sb.Length);
        }

        return (sb.ToString(), spans);
    }
}
