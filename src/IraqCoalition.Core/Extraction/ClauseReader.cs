using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Extraction;

/// <summary>Who a noun phrase refers to: the actor, and the span that names it in the text.</summary>
internal readonly record struct Referent(ActorEntity? Actor, Span? Span, bool Plural = false, ActorEntity? Other = null)
{
    public static readonly Referent None = default;

    public bool Found => Actor is not null;
}

/// <summary>
/// Shallow clause reading shared by the statement and event rules: finding the subject left of a verb
/// (over auxiliaries, adverbs, time expressions, appositives and relative clauses), resolving pronouns,
/// nominals ("the official") and "the statement" to actors, and the participants of the last meeting for
/// "the two sides". News prose is regular enough that these patterns carry most attributions.
/// </summary>
internal sealed class ClauseReader
{
    private static readonly HashSet<string> Skippable = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "was", "were", "is", "are", "be", "been", "will", "would", "could", "can", "may", "might",
        "should", "shall", "must", "did", "does", "do", "also", "then", "later", "earlier", "recently", "again", "already",
        "still", "now", "jointly", "separately", "subsequently", "reportedly", "previously", "first", "once", "too",
        "today", "yesterday", "tonight", "last", "this", "week", "month", "year", "weekend", "night", "morning",
        "afternoon", "evening", "early", "late", "on", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "to", "not", "quickly", "immediately", "publicly", "privately", "openly", "formally", "officially",
    };

    private static readonly HashSet<string> Locative = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "outside", "inside", "from", "to", "across", "around", "into", "toward", "towards",
    };

    // Words a subject search never crosses: determiners end a noun phrase, prepositions and conjunctions
    // mean the nearest name belongs to another phrase.
    private static readonly HashSet<string> Boundary = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "for", "with", "by", "against", "into", "about", "as", "and", "or", "but", "than",
        "after", "before", "following", "during", "since", "because", "if", "unless", "while", "when", "where",
        "in", "at", "near", "from", "over", "under", "between", "among",
    };

    // Words that end a noun phrase read rightwards: a name after them belongs to another phrase.
    private static readonly HashSet<string> NotInNounPhrase = new(StringComparer.Ordinal)
    {
        "who", "which", "that", "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "did",
        "by", "to", "for", "with", "at", "in", "on", "after", "before", "against", "and", "but",
    };

    private static readonly HashSet<string> PersonPronouns = new(StringComparer.Ordinal) { "he", "she", "him", "her", "his" };
    private static readonly HashSet<string> ThingPronouns = new(StringComparer.Ordinal) { "it", "its" };
    private static readonly HashSet<string> PluralPronouns = new(StringComparer.Ordinal) { "they", "them", "their" };
    private static readonly HashSet<string> FirstPerson = new(StringComparer.Ordinal) { "we", "i", "us", "our", "my" };

    private static readonly HashSet<string> PairNouns = new(StringComparer.Ordinal) { "sides", "parties", "leaders", "ministers", "countries", "presidents", "men", "officials", "counterparts", "governments", "nations" };

    private readonly bool[] _timex;

    public ClauseReader(WordTokens tokens, IReadOnlyList<TemporalExpression> timexes)
    {
        Tokens = tokens;
        _timex = new bool[tokens.Count];
        foreach (var t in timexes)
        {
            for (var i = tokens.IndexAtOrAfter(t.Span.Start); i < tokens.Count && tokens[i].Start < t.Span.End; i++)
            {
                _timex[i] = true;
            }
        }
    }

    public WordTokens Tokens { get; }

    /// <summary>The speaker of the latest statement read and where it ended, for "he said" after a quote.</summary>
    public (ActorEntity? Actor, int End) LastSpeaker { get; set; }

    /// <summary>Participants of the most recent meeting-like event, for "the two sides" and "both leaders".</summary>
    public (ActorEntity? A, ActorEntity? B) LastParticipants { get; set; }

    public bool IsTimex(int i) => i >= 0 && i < _timex.Length && _timex[i];

    public bool IsSkippable(int i)
    {
        var t = Tokens[i];
        if (!t.IsWord || Tokens.MentionAt(i) is not null)
        {
            return false;
        }

        return IsTimex(i) || Skippable.Contains(t.Lower) || (t.Lower.Length > 4 && t.Lower.EndsWith("ly", StringComparison.Ordinal) && t.Lower != "italy");
    }

    /// <summary>The subject of the verb at <paramref name="verb"/>, searching left no further than <paramref name="limit"/>.</summary>
    public Referent SubjectOf(int verb, int limit)
    {
        var j = verb - 1;
        var commaSkips = 0;
        var nounSkips = 0;
        while (j >= limit && j >= 0)
        {
            var t = Tokens[j];
            var m = Tokens.MentionAt(j);
            if (m is not null && m.Type == MentionType.Pronoun)
            {
                return ResolvePronoun(t.Lower, t.Start, m.Actor);
            }

            if (m is not null)
            {
                var first = FirstTokenOf(m, j);
                var before = first - 1 >= limit ? Tokens.Word(first - 1) : "";
                if (Locative.Contains(before) && m.Actor.Kind is Extraction.ActorKinds.Location or Extraction.ActorKinds.Country)
                {
                    // "a commander in Baghdad that told ...": the place is not the subject.
                    j = first - 2;
                    continue;
                }

                return new Referent(m.Actor, m.Span);
            }

            if (!t.IsWord)
            {
                if (t.Lower == "," && commaSkips < 2)
                {
                    // Appositive or relative clause between subject and verb: ", the top U.S. commander in the Middle East,".
                    var k = j - 1;
                    while (k >= limit && Tokens[k].Lower != "," && Tokens[k].Lower != "\u201D" && Tokens[k].Lower != "\"")
                    {
                        k--;
                    }

                    if (k < limit || Tokens[k].Lower != ",")
                    {
                        return Referent.None;
                    }

                    // "The spokesman for the Iraqi military, Yehia Rasool, said": the appositive name is the speaker.
                    if (Tokens.MentionAt(k + 1) is { Actor.Kind: Extraction.ActorKinds.Person } named && LastTokenOf(named, k + 1) == j - 1
                        && Tokens.MentionAt(k - 1) is not { Actor.Kind: Extraction.ActorKinds.Person })
                    {
                        return new Referent(named.Actor, named.Span);
                    }

                    // "The vessel's Swedish owner, Stena Bulk, said": a body named in apposition to a common noun.
                    if (Tokens.MentionAt(k + 1) is { Actor.Kind: Extraction.ActorKinds.Organization or Extraction.ActorKinds.Media } body
                        && FirstTokenOf(body, k + 1) == k + 1 && LastTokenOf(body, k + 1) == j - 1 && k > 0 && Tokens[k - 1].IsWord
                        && Tokens.MentionAt(k - 1) is null && char.IsLower(Tokens.Doc.Text[Tokens[k - 1].Start]))
                    {
                        return new Referent(body.Actor, body.Span);
                    }

                    commaSkips++;
                    j = k - 1;
                    continue;
                }

                return Referent.None;
            }

            if (IsSkippable(j))
            {
                j--;
                continue;
            }

            var w = t.Lower;
            if (PersonPronouns.Contains(w) || ThingPronouns.Contains(w) || PluralPronouns.Contains(w))
            {
                return ResolvePronoun(w, t.Start);
            }

            if (w is "that" or "which" or "who")
            {
                j--;
                continue;
            }

            if (DocumentNouns.Contains(w))
            {
                return ResolveStatementNoun(j);
            }

            if (PairNouns.Contains(w) && (Tokens.Word(j - 1) is "two" or "both" or "the" || Tokens.Word(j - 2) is "both"))
            {
                if (LastParticipants.A is { } a)
                {
                    return new Referent(a, null, true, LastParticipants.B);
                }

                if (w is "governments" or "countries" or "nations" && LastTwo(t.Start, Extraction.ActorKinds.Country) is { Found: true } pair)
                {
                    // "the two governments said": with no meeting read, the two states last named.
                    return pair;
                }

                if (w is "leaders" or "men" or "presidents" && LastTwo(t.Start, Extraction.ActorKinds.Person) is { Found: true } people)
                {
                    // "Both leaders expressed concern": with no meeting read, the two people last named.
                    return people;
                }
            }

            if (Boundary.Contains(w))
            {
                return Referent.None;
            }

            if (nounSkips < 3 && char.IsLetter(w[0]))
            {
                // A common-noun head ("commander", "office", "the official"): prefer an actor inside its noun
                // phrase ("a U.S. commander"), else an earlier mention of the same noun ("the official").
                var head = Nominal(j);
                if (head.Found)
                {
                    return head;
                }

                nounSkips++;
                j--;
                continue;
            }

            return Referent.None;
        }

        return Referent.None;
    }

    /// <summary>The noun phrase starting at <paramref name="i"/> ("the official, who ...", "Milley", "he").</summary>
    // Documents that speak for their authors: "the statement said", "the letter said".
    private static readonly HashSet<string> DocumentNouns = new(StringComparer.Ordinal)
    {
        "statement", "communique", "communiqué", "readout", "letter", "memo", "memorandum",
    };

    private static readonly HashSet<string> TitleAbbreviations = new(StringComparer.Ordinal)
    {
        "col", "brig", "gen", "lt", "maj", "sgt", "capt", "adm", "cmdr", "gov", "sen", "rep", "dr", "prof", "cpl", "pvt",
    };

    public Referent NounPhraseAt(int i, int end)
    {
        var indefinite = Tokens.Word(i) is "a" or "an";
        var j = i;
        while (j < end && Tokens.Word(j) is "the" or "a" or "an" or "his" or "her" or "its" or "their")
        {
            j++;
        }

        for (var k = i; k < end && k < i + 8; k++)
        {
            var m = Tokens.MentionAt(k);
            if (m is not null)
            {
                if (m.Type == MentionType.Pronoun)
                {
                    return ResolvePronoun(Tokens.Word(k), Tokens[k].Start, m.Actor);
                }

                // "Iranian Foreign Ministry spokesman Abbas Mousavi": the person at the end of the phrase speaks.
                for (var n = LastTokenOf(m, k) + 1; n < end && Tokens[n].IsWord && n < k + 10; n++)
                {
                    if (Tokens.MentionAt(n) is { Actor.Kind: Extraction.ActorKinds.Person } person && m.Actor.Kind != Extraction.ActorKinds.Person)
                    {
                        return new Referent(person.Actor, person.Span);
                    }
                }

                return new Referent(m.Actor, m.Span);
            }

            var w = Tokens.Word(k);
            if (w == "." && k > i && TitleAbbreviations.Contains(Tokens.Word(k - 1)))
            {
                // "said Brig. Gen. Turki al-Malki": the period of a title abbreviation is inside the name.
                continue;
            }

            if (!Tokens[k].IsWord || NotInNounPhrase.Contains(w))
            {
                break;
            }

            if (k == i && (PersonPronouns.Contains(w) || ThingPronouns.Contains(w) || PluralPronouns.Contains(w)))
            {
                return ResolvePronoun(w, Tokens[k].Start);
            }

            if (DocumentNouns.Contains(w))
            {
                return ResolveStatementNoun(k);
            }

            if (PairNouns.Contains(w) && LastParticipants.A is { } a && Tokens.Word(k - 1) is "two" or "both" or "the")
            {
                return new Referent(a, null, true, LastParticipants.B);
            }
        }

        // The head is the last word of the phrase: "the official", "the senior commander".
        var h = j;
        while (h + 1 < end && Tokens[h + 1].IsWord && Tokens.MentionAt(h + 1) is null && Tokens.Word(h + 1) is not ("who" or "which" or "that" or "said" or "told"))
        {
            h++;
        }

        // "a defense ministry spokesman" introduces someone new; only "the spokesman" refers back.
        return h < end && Tokens[h].IsWord && !indefinite ? ResolveNominalHead(Tokens[h].Lower, Tokens[h].Start, new Span(Tokens[j].Start, Tokens[h].End)) : Referent.None;
    }

    public Referent ResolvePronoun(string w, int before, ActorEntity? recognized = null)
    {
        if (FirstPerson.Contains(w))
        {
            return Referent.None;
        }

        var mentions = Tokens.Actors.Mentions;
        if (PersonPronouns.Contains(w) && LastSpeaker.Actor is { Kind: Extraction.ActorKinds.Person } speaker && LastSpeaker.End <= before)
        {
            // "he" after a quote is its speaker unless another person has been named since. A name in a phrase
            // that ends the attribution ("Macron said at a news conference with Salih.") stays in the background.
            var namedSince = false;
            var attribution = Tokens.Doc.SentenceIndexAt(LastSpeaker.End - 1);
            for (var k = LastMentionBefore(before); k >= 0 && mentions[k].Span.Start >= LastSpeaker.End; k--)
            {
                if (mentions[k].Actor.Kind == Extraction.ActorKinds.Person && mentions[k].Type != MentionType.Pronoun && !ReferenceEquals(mentions[k].Actor, speaker)
                    && !(attribution >= 0 && Tokens.Doc.SentenceIndexAt(mentions[k].Span.Start) == attribution && AfterPreposition(mentions[k])))
                {
                    namedSince = true;
                    break;
                }
            }

            if (!namedSince)
            {
                return new Referent(speaker, null);
            }
        }

        if (ThingPronouns.Contains(w) && LastSpeaker.Actor is { Kind: not Extraction.ActorKinds.Person } source
            && LastSpeaker.End <= before && before - LastSpeaker.End < 120)
        {
            // "..., the Al-Masirah channel reported. It said ...": "it" right after an institution's report is that institution.
            return new Referent(source, null);
        }

        if (recognized is not null)
        {
            return new Referent(recognized, null);
        }

        for (var k = LastMentionBefore(before); k >= 0; k--)
        {
            var m = mentions[k];
            var kind = m.Actor.Kind;
            var ok = PersonPronouns.Contains(w)
                ? kind == Extraction.ActorKinds.Person
                : ThingPronouns.Contains(w)
                    ? kind is Extraction.ActorKinds.Organization or Extraction.ActorKinds.Country or Extraction.ActorKinds.ArmedGroup or Extraction.ActorKinds.Media
                    : kind is Extraction.ActorKinds.Group or Extraction.ActorKinds.Organization or Extraction.ActorKinds.ArmedGroup or Extraction.ActorKinds.Country;
            if (ok && m.Type is not (MentionType.Demonym or MentionType.Pronoun))
            {
                return new Referent(m.Actor, null);
            }
        }

        return Referent.None;
    }

    private Referent LastTwo(int before, string kind)
    {
        ActorEntity? second = null;
        var mentions = Tokens.Actors.Mentions;
        for (var k = LastMentionBefore(before); k >= 0; k--)
        {
            var actor = mentions[k].Actor;
            if (actor.Kind != kind || mentions[k].Type == MentionType.Pronoun || ReferenceEquals(actor, second))
            {
                continue;
            }

            if (second is null)
            {
                second = actor;
                continue;
            }

            return new Referent(actor, null, true, second);
        }

        return Referent.None;
    }

    private bool AfterPreposition(ActorMention m)
    {
        var first = Tokens.IndexAtOrAfter(m.Span.Start);
        var k = first - 1;
        while (k >= 0 && Tokens[k].IsWord && char.IsUpper(Tokens.Doc.Text[Tokens[k].Start]) && k > first - 4)
        {
            k--;
        }

        return k >= 0 && Tokens.Word(k) is "with" or "to" or "by" or "alongside" or "beside" or "from";
    }

    /// <summary>"the statement", "a statement from the Russian Foreign Ministry", "the ministry statement" → the issuing body.</summary>
    public Referent ResolveStatementNoun(int i)
    {
        // Inside the phrase: "the ministry statement" or "a statement from/by X".
        for (var k = i - 1; k >= Math.Max(0, i - 3); k--)
        {
            if (Tokens.MentionAt(k) is { } m)
            {
                return new Referent(m.Actor, m.Span);
            }

            if (!Tokens[k].IsWord)
            {
                break;
            }
        }

        if (Tokens.Word(i + 1) is "from" or "by" or "of" or "issued" or "released")
        {
            for (var k = i + 2; k < Math.Min(Tokens.Count, i + 8); k++)
            {
                if (Tokens.MentionAt(k) is { } m)
                {
                    return new Referent(m.Actor, m.Span);
                }
            }
        }

        // Otherwise the last statement named in the article, then the last organisation.
        for (var k = i - 1; k >= 0; k--)
        {
            if (DocumentNouns.Contains(Tokens.Word(k)))
            {
                var r = ResolveStatementNounLocal(k);
                if (r.Found)
                {
                    return r;
                }
            }
        }

        return Referent.None;
    }

    private Referent ResolveStatementNounLocal(int k)
    {
        for (var b = k - 1; b >= Math.Max(0, k - 3); b--)
        {
            if (Tokens.MentionAt(b) is { } m)
            {
                return new Referent(m.Actor, null);
            }

            // "Iraq received a letter": the determiner ends the noun phrase; the subject before it is the recipient.
            if (!Tokens[b].IsWord || Tokens.Word(b) is "a" or "an" or "the")
            {
                break;
            }
        }

        if (Tokens.Word(k + 1) is "from" or "by" or "of" or "sent" or "signed" or "written" or "issued" or "released")
        {
            // "a letter sent last week by Secretary of State Mike Pompeo": the author, past a time phrase.
            for (var a = k + 2; a < Math.Min(Tokens.Count, k + 12); a++)
            {
                if (Tokens.MentionAt(a) is { } m)
                {
                    return new Referent(m.Actor, null);
                }
            }
        }

        return Referent.None;
    }

    private Referent Nominal(int head)
    {
        // An actor premodifier within the same noun phrase: "a U.S. commander", "Iraqi officials".
        for (var k = head - 1; k >= Math.Max(0, head - 4); k--)
        {
            if (Tokens.MentionAt(k) is { } m)
            {
                return new Referent(m.Actor, m.Span);
            }

            if (!Tokens[k].IsWord || Tokens.Word(k) is "the" or "a" or "an")
            {
                break;
            }
        }

        if (Tokens.Word(head - 1) is "the")
        {
            return ResolveNominalHead(Tokens[head].Lower, Tokens[head].Start, new Span(Tokens[head - 1].Start, Tokens[head].End));
        }

        return Referent.None;
    }

    /// <summary>"the official" → the last actor whose mention or role holds "official".</summary>
    public Referent ResolveNominalHead(string head, int before, Span span)
    {
        if (head.Length < 4 || !char.IsLetter(head[0]))
        {
            return Referent.None;
        }

        var stem = head.EndsWith('s') ? head[..^1] : head;
        var mentions = Tokens.Actors.Mentions;
        for (var k = LastMentionBefore(before); k >= 0; k--)
        {
            var m = mentions[k];
            if (m.Text.Contains(stem, StringComparison.OrdinalIgnoreCase)
                || (m.Actor.Role?.Contains(stem, StringComparison.OrdinalIgnoreCase) ?? false)
                || (m.Actor.Title?.Contains(stem, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return new Referent(m.Actor, span);
            }
        }

        return Referent.None;
    }

    public int FirstTokenOf(ActorMention m, int anyToken)
    {
        var k = anyToken;
        while (k > 0 && Tokens.MentionAt(k - 1) == m)
        {
            k--;
        }

        return k;
    }

    public int LastTokenOf(ActorMention m, int anyToken)
    {
        var k = anyToken;
        while (k + 1 < Tokens.Count && Tokens.MentionAt(k + 1) == m)
        {
            k++;
        }

        return k;
    }

    private int LastMentionBefore(int offset)
    {
        var mentions = Tokens.Actors.Mentions;
        int lo = 0, hi = mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (mentions[mid].Span.Start < offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - 1;
    }
}
