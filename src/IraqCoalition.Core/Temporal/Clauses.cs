using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Temporal;

internal static class Clauses
{
    /// <summary>
    /// End (exclusive token index) of the phrase after a signal word ("two days after X", "following X"):
    /// a fronted phrase ("Two days after the vote, ...") ends at the first comma; one placed after the main
    /// clause runs to the end of the sentence, because news appends it there ("..., two days after a U.S.
    /// airstrike in Baghdad killed Iranian Gen. Qassem Soleimani.").
    /// </summary>
    public static int PhraseEnd(TextDocument doc, int sentenceStart, int sentenceEnd, int phraseStart, int scopeStart)
    {
        var text = doc.Text;
        var toks = doc.Tokens;
        var fronted = phraseStart == sentenceStart || (phraseStart == sentenceStart + 1 && toks[sentenceStart].IsWord);
        var k = scopeStart;
        while (k < sentenceEnd)
        {
            var t = toks[k];
            if (t.IsPunct && (text[t.Start] == ';' || (fronted && text[t.Start] == ',')))
            {
                break;
            }

            k++;
        }

        // The sentence's own closing stop and quotes are not part of the phrase.
        while (k > scopeStart + 1 && toks[k - 1].IsPunct)
        {
            k--;
        }

        return Math.Max(k, scopeStart + 1);
    }
}
