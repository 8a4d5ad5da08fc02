using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Temporal;

/// <summary>
/// Reads the tense of the clause around a span from the nearest tense cue: auxiliaries and modals,
/// "due to"/"scheduled for" style plans, past forms (regular -ed and a list of irregular verbs).
/// The nearest cue wins, the left one on a tie, because news puts the verb before its adjuncts
/// ("Lavrov was due to travel on Tuesday": "due" is nearer than "was").
/// </summary>
public static class TenseDetector
{
    private const int Window = 12;

    private static readonly Dictionary<string, Tense> Cues = Build();
    private static readonly Dictionary<string, Tense>.AlternateLookup<ReadOnlySpan<char>> CueLookup = Cues.GetAlternateLookup<ReadOnlySpan<char>>();

    // Cues that mean a plan only before "to" or "for" ("due to travel", "scheduled for Tuesday").
    private static readonly HashSet<string> PlanWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "due", "set", "going", "scheduled", "expected", "planned", "plans", "plan", "planning", "slated", "poised", "intends", "hopes", "aims",
    };

    private static readonly HashSet<string> NotPast = new(StringComparer.OrdinalIgnoreCase)
    {
        "need", "needed", "speed", "feed", "bleed", "breed", "indeed", "seed", "shed", "proceed", "succeed", "exceed", "embed",
        "armed", "united", "red", "bed", "hundred", "based", "alleged", "so-called", "supposed", "concerned", "detailed",
        "limited", "advanced", "experienced", "related", "interested", "reed", "creed", "greed", "weed", "deed",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlanLookup = PlanWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotPastLookup = NotPast.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Tense At(TextDocument doc, int sentenceStartToken, int sentenceEndToken, int fromToken, int toToken)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var text = doc.Text;
        var toks = doc.Tokens;
        Tense left = Tense.Unknown, right = Tense.Unknown;
        int leftDist = int.MaxValue, rightDist = int.MaxValue;
        for (var k = fromToken - 1; k >= sentenceStartToken && fromToken - k <= Window; k--)
        {
            if (toks[k].IsPunct && text[toks[k].Start] == ';')
            {
                break;
            }

            var t = CueAt(text, toks, k, sentenceEndToken);
            if (t != Tense.Unknown)
            {
                left = t;
                leftDist = fromToken - k;
                break;
            }
        }

        for (var k = toToken; k < sentenceEndToken && k - toToken < Window && k - toToken + 1 < leftDist; k++)
        {
            if (toks[k].IsPunct && text[toks[k].Start] == ';')
            {
                break;
            }

            var t = CueAt(text, toks, k, sentenceEndToken);
            if (t != Tense.Unknown)
            {
                right = t;
                rightDist = k - toToken + 1;
                break;
            }
        }

        return rightDist < leftDist ? right : left;
    }

    /// <summary>The tense a single token signals, or Unknown.</summary>
    public static Tense CueAt(string text, IReadOnlyList<Token> toks, int k, int limit)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(toks);
        var tok = toks[k];
        if (!tok.IsWord || tok.IsCapitalized && k > 0 && !IsSentenceStart(text, toks, k))
        {
            return Tense.Unknown;
        }

        var w = tok.AsSpan(text);
        // A participle after "be"/"been" ("will be held") is passive, not past: the auxiliary decides.
        var afterBe = k > 0 && (toks[k - 1].Is(text, "be") || toks[k - 1].Is(text, "been") || toks[k - 1].Is(text, "being"));
        if (CueLookup.TryGetValue(w, out var tense))
        {
            if (tense == Tense.Present && k + 1 < limit && toks[k + 1].Is(text, "to"))
            {
                return Tense.Future; // "is to travel"
            }

            return tense == Tense.Past && afterBe ? Tense.Unknown : tense;
        }

        if (PlanLookup.Contains(w))
        {
            return k + 1 < limit && (toks[k + 1].Is(text, "to") || toks[k + 1].Is(text, "for")) ? Tense.Future : Tense.Unknown;
        }

        if (w.EndsWith("'ll", StringComparison.Ordinal) || w.EndsWith("\u2019ll", StringComparison.Ordinal))
        {
            return Tense.Future;
        }

        if (w.Length >= 4 && w.EndsWith("ed", StringComparison.Ordinal) && (tok.Flags & TokenFlags.Hyphenated) == 0 && !afterBe
            && !NotPastLookup.Contains(w))
        {
            return Tense.Past;
        }

        return Tense.Unknown;
    }

    private static bool IsSentenceStart(string text, IReadOnlyList<Token> toks, int k)
    {
        var p = toks[k - 1];
        return p.IsPunct && (p.IsQuote || text[p.Start] is '.' or '!' or '?' or '(' or '\u2014');
    }

    private static Dictionary<string, Tense> Build()
    {
        var d = new Dictionary<string, Tense>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in "will shall would won't wont tomorrow upcoming".Split(' '))
        {
            d[w] = Tense.Future;
        }

        foreach (var w in ("was were had did didn't wasn't weren't hadn't has have hasn't haven't 've ago yesterday said told "
            + "met went came left made took gave held sent began begun fought won lost struck fled flew rose fell led paid sought "
            + "brought thought wrote written became kept ran stood spoke spoken saw seen knew known got found felt heard meant built "
            + "drew drawn threw thrown shot chose chosen broke broken arose froze stole swore tore wore woke bore drove driven rode "
            + "withdrew overtook undertook forbade sank sang spent lent bent dealt slept swept wept fed bled sped sold stuck hung "
            + "spun slid taken given gone done been").Split(' '))
        {
            d[w] = Tense.Past;
        }

        foreach (var w in "is are am says say tells asks".Split(' '))
        {
            d[w] = Tense.Present;
        }

        return d;
    }
}
