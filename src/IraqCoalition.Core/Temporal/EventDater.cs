using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;
using Token = IraqCoalition.Core.Text.Token;

namespace IraqCoalition.Core.Temporal;

/// <summary>
/// Places events in time from the temporal expressions around them. In order:
/// <list type="number">
/// <item>an expression in the event's own phrase (nearest to the trigger, same sentence, not inside
/// another event's "after X"/"following X" phrase) dates it;</item>
/// <item>"two days after X": X is dated from the main clause's date minus the offset, and the main clause
/// from X's date plus it;</item>
/// <item>"following the Jan. 3 strike", "since then", "in response to the attack": the event lies between
/// the anchor's date and the publication date;</item>
/// <item>past-tense narration carries the last stated date forward through the same and the next
/// paragraph, but not into present-perfect clauses or past "earlier"/"previously"/"recently";</item>
/// <item>otherwise a range ending at publication, starting at the latest date the article has
/// established before the event (else thirty days earlier).</item>
/// </list>
/// </summary>
public sealed class EventDater
{
    private const int DefaultLookbackDays = 30;

    private static readonly string[][] MultiWordSignals =
    [
        ["in", "the", "wake", "of"], ["in", "the", "aftermath", "of"], ["in", "response", "to"], ["in", "retaliation", "for"],
        ["in", "reaction", "to"], ["ahead", "of"], ["prior", "to"], ["in", "the", "run-up", "to"],
    ];

    // Nouns that name the same kind of event, so "the attack" can refer back to "the Jan. 3 strike".
    private static readonly string[][] EventNounClasses =
    [
        ["strike", "airstrike", "attack", "bombing", "raid", "assault", "drone"],
        ["killing", "assassination", "death", "slaying", "murder"],
        ["vote", "ballot", "election", "poll"],
        ["meeting", "talks", "summit"],
        ["visit", "trip", "tour"],
        ["protest", "protests", "demonstration", "rally"],
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SignalStarts =
        new HashSet<string>(["following", "after", "since", "before", "until", "in", "ahead", "prior", "followed", "preceded"], StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    // Further nouns that name events, for telling whose date a "NOUN on DATE" phrase gives.
    private static readonly string[] OtherEventNouns =
    [
        "ceasefire", "deal", "agreement", "accord", "announcement", "decision", "speech", "letter", "resolution", "incident",
        "shooting", "explosion", "blast", "clash", "offensive", "invasion", "withdrawal", "deployment", "crackdown", "siege",
    ];

    private static readonly HashSet<string> EarlierMarkers = new(StringComparer.OrdinalIgnoreCase) { "earlier", "previously", "formerly" };

    private static readonly HashSet<string> BreakMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "earlier", "previously", "formerly", "recently", "lately", "once",
    };

    private readonly DateOnly published;
    private readonly TemporalExpression[] timexes;
    private readonly int[] timexSentence;
    private readonly int[] timexBySentence;
    private readonly List<SignalScope> scopes = [];
    private readonly List<(string Noun, TemporalExpression Date)> datedNouns = [];
    private readonly Reference?[] references;

    public EventDater(TextDocument doc, IReadOnlyList<TemporalExpression> timexes, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(timexes);
        Document = doc;
        Timexes = timexes;
        this.published = published;
        this.timexes = [.. timexes.OrderBy(t => t.Span.Start)];
        timexSentence = new int[this.timexes.Length];
        timexBySentence = new int[doc.Sentences.Count + 1];
        var next = 0;
        for (var i = 0; i < this.timexes.Length; i++)
        {
            timexSentence[i] = doc.SentenceIndexAt(this.timexes[i].Span.Start);
            while (next <= timexSentence[i])
            {
                timexBySentence[next++] = i;
            }
        }

        while (next <= doc.Sentences.Count)
        {
            timexBySentence[next++] = this.timexes.Length;
        }

        // Signal phrases read earlier sentences' dates before the narrative references exist, so "since then"
        // looks at stated dates only.
        references = new Reference?[doc.Sentences.Count];
        FindDatedNouns();
        FindSignalScopes();
        BuildReferences();
    }

    public TextDocument Document { get; }
    public IReadOnlyList<TemporalExpression> Timexes { get; }

    /// <param name="evidence">The clause or sentence the event was read from.</param>
    /// <param name="trigger">The words that triggered the event.</param>
    /// <param name="reported">True when the event is reported speech (e.g. "X said Y happened").</param>
    public EventDate DateFor(Span evidence, Span trigger, bool reported)
    {
        var doc = Document;
        var s = doc.SentenceIndexAt(trigger.Start);
        if (s < 0)
        {
            s = doc.SentenceIndexAt(evidence.Start);
        }

        if (s < 0)
        {
            return Fallback(doc.Sentences.Count, null, trigger);
        }

        var triggerScope = ScopeHolding(s, trigger.Start);

        // 1. "two days after X" with the trigger inside X: X = main clause date - offset.
        foreach (var t in InSentence(s))
        {
            if (t.Anchor is { OffsetDays: { } offset } anchor && anchor.Scope.Contains(trigger.Start) && !HasDirectDateIn(s, anchor.Scope))
            {
                var main = NearestDirect(s, trigger, scopeFilter: null, exclude: anchor.Scope) ?? references[s];
                if (main is { } m)
                {
                    var d = m.Start.AddDays(-offset);
                    return Day(d, t.Text);
                }
            }
        }

        // 2. A dated expression in the trigger's own phrase.
        if (NearestDirect(s, trigger, triggerScope, exclude: null) is { } direct)
        {
            return FromReference(direct);
        }

        // 3. After (or before) an anchor named in the sentence.
        foreach (var scope in ScopesOf(s))
        {
            if (scope.Sentence != s || scope.Scope.Contains(trigger.Start) || scope.AnchorStart is not { } a
                || RelativeClauseBetween(trigger, scope.Scope))
            {
                continue;
            }

            if (scope.After)
            {
                var end = references[s] is { } r && r.Start >= a && !IsBreak(s, trigger) ? r.End : published;
                return Range(a > end ? end : a, end, end, scope.AnchorText);
            }

            var before = a.AddDays(-1);
            return Range(before.AddDays(-DefaultLookbackDays), before, before, scope.AnchorText);
        }

        // 4. Narrative carry-over.
        if (!IsBreak(s, trigger) && references[s] is { } carried && FutureAt(s, trigger) is false)
        {
            if (reported)
            {
                var start = LatestAnchorBefore(s, carried.End) ?? carried.Start;
                return Range(start, carried.End, carried.Value, null, carried.Precision == "day" && start == carried.Start ? "day" : "range");
            }

            return FromReference(carried with { Text = null });
        }

        return Fallback(s, VagueIn(s), trigger);
    }

    private EventDate Fallback(int s, TemporalExpression? vague, Span trigger)
    {
        if (s < Document.Sentences.Count && FutureAt(s, trigger) is true)
        {
            // Planned but undated: from publication on, placed at publication.
            return Range(published, published.AddDays(DefaultLookbackDays), published, vague?.Text);
        }

        var end = published;
        if (s < Document.Sentences.Count && vague is null && HasMarker(s, EarlierMarkers) && PreviousReference(s) is { } prev)
        {
            end = prev.Start.AddDays(-1);
        }

        var start = LatestAnchorBefore(s, end) ?? end.AddDays(-DefaultLookbackDays);
        return Range(start, end, end, vague?.Text);
    }

    private static EventDate FromReference(Reference r)
    {
        if (r.Precision == "day")
        {
            return Day(r.Start, r.Text);
        }

        var mid = DateOnly.FromDayNumber((r.Start.DayNumber + r.End.DayNumber) / 2);
        return Range(r.Start, r.End, r.Value == default ? mid : r.Value, r.Text, r.Precision);
    }

    private static EventDate Day(DateOnly d, string? text)
    {
        var v = TimexValues.Day(d);
        return new EventDate { Value = v, Start = v, End = v, Precision = "day", Text = text };
    }

    private static EventDate Range(DateOnly start, DateOnly end, DateOnly value, string? text, string precision = "range")
    {
        if (start > end)
        {
            (start, end) = (end, start);
        }

        if (value < start || value > end)
        {
            value = end;
        }

        return new EventDate
        {
            Value = TimexValues.Day(value),
            Start = TimexValues.Day(start),
            End = TimexValues.Day(end),
            Precision = start == end ? "day" : precision,
            Text = text,
        };
    }

    /// <summary>The expressions of sentence <paramref name="s"/>: a slice, since both are in text order.</summary>
    private ReadOnlySpan<TemporalExpression> InSentence(int s) =>
        s < 0 || s >= timexBySentence.Length - 1 ? [] : timexes.AsSpan(timexBySentence[s], timexBySentence[s + 1] - timexBySentence[s]);

    private bool HasDirectDateIn(int s, Span scope)
    {
        foreach (var t in InSentence(s))
        {
            if (scope.Contains(t.Span) && t.HasInterval)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The signal phrase ("following ...") holding the offset, or null when it is in no such phrase.</summary>
    private Span? ScopeHolding(int s, int offset)
    {
        Span? best = null;
        foreach (var sc in ScopesOf(s))
        {
            if (sc.Sentence == s && sc.Scope.Contains(offset) && (best is null || sc.Scope.Length < best.Value.Length))
            {
                best = sc.Scope;
            }
        }

        foreach (var t in InSentence(s))
        {
            if (t.Anchor is { } a && a.Scope.Contains(offset) && (best is null || a.Scope.Length < best.Value.Length))
            {
                best = a.Scope;
            }
        }

        return best;
    }

    /// <summary>
    /// The nearest expression with an interval (or a vague past/present reference) in the same phrase as the
    /// trigger: inside the same signal phrase when the trigger is in one, outside every signal phrase otherwise.
    /// </summary>
    private Reference? NearestDirect(int s, Span trigger, Span? scopeFilter, Span? exclude)
    {
        Reference? best = null;
        var bestDist = int.MaxValue;
        foreach (var t in InSentence(s))
        {
            if (exclude is { } ex && ex.Overlaps(t.Span))
            {
                continue;
            }

            var holder = ScopeHolding(s, t.Span.Start);
            if (holder != scopeFilter || InOtherRelativeClause(s, t.Span, trigger))
            {
                continue;
            }

            if (OwnedByOtherEventNoun(s, t.Span, trigger))
            {
                continue;
            }

            // A date inside a quotation belongs to what the speaker said, not to the attribution around it.
            if (Document.QuoteAt(t.Span.Start) is { } q && !q.Span.Contains(trigger.Start))
            {
                continue;
            }

            if (t.Signal is "since" or "until" or "till" or "by" || t.Type == "SET")
            {
                continue;
            }

            Reference? r = null;
            if (t.HasInterval && t.Type != "DURATION" || t.Type == "DURATION" && t.HasInterval && t.Anchor is null)
            {
                r = Clip(t);
            }
            else if (t.Value is "PRESENT_REF")
            {
                r = new Reference(published, published, "day", t.Text, published);
            }
            else if (t.Value is "PAST_REF")
            {
                var start = LatestAnchorBefore(s, published) ?? published.AddDays(-DefaultLookbackDays);
                r = new Reference(start, published, "range", t.Text, published);
            }

            if (r is null)
            {
                continue;
            }

            var dist = t.Span.Start >= trigger.End ? t.Span.Start - trigger.End : Math.Max(0, trigger.Start - t.Span.End);
            if (dist < bestDist)
            {
                best = r;
                bestDist = dist;
            }
        }

        return best;
    }

    /// <summary>A past event cannot lie after publication: "this week" in past narration ends today.</summary>
    private Reference Clip(TemporalExpression t)
    {
        var start = t.Start!.Value;
        var end = t.End!.Value;
        if (t.Tense != Tense.Future && start <= published && end > published)
        {
            end = published;
        }

        var value = t.Precision == "day" ? start : DateOnly.FromDayNumber((start.DayNumber + end.DayNumber) / 2);
        return new Reference(start, end, start == end ? "day" : t.Precision, t.Text, value);
    }

    /// <summary>
    /// True when a relative pronoun separates the trigger from a signal phrase after it: in "the coalition that
    /// has fought the group since 2014", "since 2014" belongs to the relative clause, not to the main verb.
    /// </summary>
    private bool RelativeClauseBetween(Span trigger, Span scope)
    {
        if (scope.Start < trigger.End)
        {
            return false;
        }

        var text = Document.Text;
        for (var k = Document.TokenIndexAt(trigger.End); k < Document.Tokens.Count && Document.Tokens[k].Start < scope.Start; k++)
        {
            var t = Document.Tokens[k];
            if (IsRelativePronoun(t))
            {
                return true;
            }
        }

        return false;
    }

    private ReadOnlySpan<SignalScope> ScopesOf(int s)
    {
        // Scopes are found sentence by sentence, so each sentence's are one run of the list.
        var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scopes);
        var lo = 0;
        while (lo < all.Length && all[lo].Sentence < s)
        {
            lo++;
        }

        var hi = lo;
        while (hi < all.Length && all[hi].Sentence == s)
        {
            hi++;
        }

        return all[lo..hi];
    }

    /// <summary>
    /// True when <paramref name="span"/> sits in a non-restrictive relative clause (", who visited Iraq in
    /// December,") that does not also hold the trigger: that date belongs to the clause's own event.
    /// </summary>
    private bool InOtherRelativeClause(int s, Span span, Span trigger)
    {
        var toks = Document.Tokens;
        var text = Document.Text;
        var (s0, s1) = Document.SentenceTokens(s);
        var k = Document.TokenIndexAt(span.Start) - 1;
        for (; k > s0; k--)
        {
            if (toks[k].IsPunct && text[toks[k].Start] == ',')
            {
                break;
            }
        }

        if (k <= s0 || k + 1 >= s1 || !(toks[k + 1].Is(text, "who") || toks[k + 1].Is(text, "which") || toks[k + 1].Is(text, "whose") || toks[k + 1].Is(text, "where")))
        {
            return false;
        }

        var start = toks[k].Start;
        var e = Document.TokenIndexAt(span.End);
        while (e < s1 && !(toks[e].IsPunct && text[toks[e].Start] == ','))
        {
            e++;
        }

        var end = e < s1 ? toks[e].End : toks[s1 - 1].End;
        return !(trigger.Start >= start && trigger.Start < end);
    }

    /// <summary>
    /// True when the date modifies an event noun in a prepositional phrase ("blamed the group for a rocket
    /// attack on Dec. 27") that does not hold the trigger: the date is that attack's, not the blaming's.
    /// </summary>
    private bool OwnedByOtherEventNoun(int s, Span date, Span? trigger)
    {
        var toks = Document.Tokens;
        var text = Document.Text;
        var (s0, _) = Document.SentenceTokens(s);
        var k = Document.TokenIndexAt(date.Start) - 1;
        if (k <= s0 || !(toks[k].Is(text, "on") || toks[k].Is(text, "in") || toks[k].Is(text, "of")))
        {
            return false;
        }

        var noun = k - 1;
        if (!toks[noun].IsWord || toks[noun].IsCapitalized || !IsEventNoun(toks[noun].AsSpan(text)))
        {
            return false;
        }

        // Back over the noun phrase to the word before it: a preposition makes the phrase a separate mention.
        var j = noun - 1;
        while (j > s0 && noun - j <= 4 && toks[j].IsWord && !IsPreposition(text, toks[j]) && !IsVerbLike(text, toks[j]))
        {
            j--;
        }

        if (j < s0 || !toks[j].IsWord || !IsPreposition(text, toks[j]))
        {
            return false;
        }

        var phrase = new Span(toks[j].Start, date.End);
        return trigger is not { } tr || !phrase.Contains(tr.Start);
    }

    private static bool IsEventNoun(ReadOnlySpan<char> word)
    {
        if (EventClass(word) >= 0)
        {
            return true;
        }

        if (word.Length > 3 && word[^1] == 's' && EventClass(word[..^1]) >= 0)
        {
            return true;
        }

        foreach (var n in OtherEventNouns)
        {
            if (word.Equals(n, StringComparison.OrdinalIgnoreCase) || (word.Length == n.Length + 1 && word[^1] == 's' && word.StartsWith(n, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPreposition(string text, Token t) =>
        t.Is(text, "for") || t.Is(text, "in") || t.Is(text, "after") || t.Is(text, "of") || t.Is(text, "over") || t.Is(text, "against")
        || t.Is(text, "about") || t.Is(text, "with") || t.Is(text, "from") || t.Is(text, "following") || t.Is(text, "since") || t.Is(text, "before")
        || t.Is(text, "to") || t.Is(text, "by");

    private static bool IsVerbLike(string text, Token t)
    {
        var w = t.AsSpan(text);
        return w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4 || t.Is(text, "was") || t.Is(text, "were") || t.Is(text, "is") || t.Is(text, "are");
    }

    private bool IsRelativePronoun(Token t)
    {
        var text = Document.Text;
        return t.Is(text, "that") || t.Is(text, "which") || t.Is(text, "who") || t.Is(text, "whose") || t.Is(text, "where");
    }

    private TemporalExpression? VagueIn(int s)
    {
        foreach (var t in InSentence(s))
        {
            if (t.Value is "PAST_REF" or "PRESENT_REF")
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>The latest day the article has fixed up to sentence <paramref name="s"/> that is not after <paramref name="limit"/>.</summary>
    private DateOnly? LatestAnchorBefore(int s, DateOnly limit)
    {
        DateOnly? best = null;
        for (var i = 0; i < timexes.Length && timexSentence[i] <= s; i++)
        {
            var t = timexes[i];
            if (!t.HasInterval || t.Type == "DURATION" || t.Signal is "since" || t.Tense == Tense.Future || t.Start > limit)
            {
                continue;
            }

            var span = t.End!.Value.DayNumber - t.Start!.Value.DayNumber;
            if (span > 31)
            {
                continue;
            }

            if (best is null || t.Start > best)
            {
                best = t.Start;
            }
        }

        return best;
    }

    private Reference? PreviousReference(int s)
    {
        for (var p = s - 1; p >= 0; p--)
        {
            if (references[p] is { } r)
            {
                return r;
            }
        }

        return null;
    }

    private bool? FutureAt(int s, Span trigger)
    {
        var (s0, s1) = Document.SentenceTokens(s);
        var k = Document.TokenIndexAt(trigger.Start);
        if (k >= s1)
        {
            return false;
        }

        var tense = TenseDetector.At(Document, s0, s1, k, k);
        if (tense == Tense.Unknown)
        {
            // The trigger itself can be the verb that carries the tense ("announced").
            tense = TenseDetector.CueAt(Document.Text, Document.Tokens, k, s1);
        }

        return tense == Tense.Future;
    }

    /// <summary>Present perfect at the trigger, or a sentence marking its events as earlier than the story.</summary>
    private bool IsBreak(int s, Span trigger)
    {
        var text = Document.Text;
        var toks = Document.Tokens;
        var (s0, _) = Document.SentenceTokens(s);
        var k = Document.TokenIndexAt(trigger.Start);
        for (var j = k - 1; j >= s0 && k - j <= 5; j--)
        {
            var t = toks[j];
            if (t.IsPunct || t.Is(text, "that") || t.Is(text, "which") || t.Is(text, "who") || t.Is(text, "said"))
            {
                break;
            }

            if (IsPerfectAuxiliary(j))
            {
                return true;
            }
        }

        return HasMarker(s, BreakMarkers);
    }

    /// <summary>"has"/"have" as the auxiliary of a present perfect, not as "has to" or "has no/a/the".</summary>
    private bool IsPerfectAuxiliary(int j)
    {
        var text = Document.Text;
        var toks = Document.Tokens;
        var w = toks[j].AsSpan(text);
        if (w.Length is < 3 or > 7)
        {
            return false;
        }

        if (!(w.Equals("has", StringComparison.OrdinalIgnoreCase) || w.Equals("have", StringComparison.OrdinalIgnoreCase)
              || w.EndsWith("'ve", StringComparison.OrdinalIgnoreCase) || w.EndsWith("\u2019ve", StringComparison.OrdinalIgnoreCase)
              || w.Equals("hasn't", StringComparison.OrdinalIgnoreCase) || w.Equals("haven't", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (j + 1 >= toks.Count || !toks[j + 1].IsWord)
        {
            return false;
        }

        var next = toks[j + 1];
        return !(next.Is(text, "to") || next.Is(text, "no") || next.Is(text, "a") || next.Is(text, "an") || next.Is(text, "the")
                 || next.Is(text, "many") || next.Is(text, "some") || next.Is(text, "any") || next.Is(text, "little") || next.IsCapitalized);
    }

    /// <summary>A present perfect outside quotations: the sentence reports a state up to now, not the story's day.</summary>
    private bool HasPresentPerfect(int s)
    {
        var (s0, s1) = Document.SentenceTokens(s);
        for (var k = s0; k < s1; k++)
        {
            // A perfect in a relative clause ("the coalition that has fought ...") describes a participant, not the sentence.
            if (IsPerfectAuxiliary(k) && Document.QuoteAt(Document.Tokens[k].Start) is null && !(k > s0 && IsRelativePronoun(Document.Tokens[k - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private bool HasMarker(int s, HashSet<string> words)
    {
        var (s0, s1) = Document.SentenceTokens(s);
        var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var k = s0; k < s1; k++)
        {
            var t = Document.Tokens[k];
            if (t.IsWord && lookup.Contains(t.AsSpan(Document.Text)) && !InTimex(t.Start))
            {
                return true;
            }
        }

        return false;
    }

    private bool InTimex(int offset)
    {
        foreach (var t in timexes)
        {
            if (t.Span.Contains(offset))
            {
                return true;
            }
        }

        return false;
    }

    private void BuildReferences()
    {
        var doc = Document;
        var lastSentence = -1;
        Reference? last = null;
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var own = OwnReference(s);
            if (own is not null)
            {
                references[s] = own;
                last = own;
                lastSentence = s;
                continue;
            }

            if (last is null)
            {
                continue;
            }

            // Carry the story's date through the same and the next paragraph after the last dated or carried sentence.
            var para = doc.ParagraphIndexAt(doc.Sentences[s].Start);
            var lastPara = doc.ParagraphIndexAt(doc.Sentences[lastSentence].Start);
            if (para - lastPara > 1)
            {
                last = null;
                continue;
            }

            if (HasMarker(s, BreakMarkers) || SentenceIsFuture(s) || HasPresentPerfect(s))
            {
                continue;
            }

            references[s] = last with { Text = null };
            lastSentence = s;
        }
    }

    private bool SentenceIsFuture(int s)
    {
        var (s0, s1) = Document.SentenceTokens(s);
        for (var k = s0; k < s1; k++)
        {
            var cue = TenseDetector.CueAt(Document.Text, Document.Tokens, k, s1);
            if (cue != Tense.Unknown)
            {
                return cue == Tense.Future;
            }
        }

        return false;
    }

    /// <summary>The sentence's own narrative date: a past or present day, week or month outside any signal phrase.</summary>
    private Reference? OwnReference(int s)
    {
        foreach (var t in InSentence(s))
        {
            if (!t.HasInterval || t.Type is not ("DATE" or "TIME") || t.Signal is "since" or "until" or "till" or "by" or "before" or "after"
                || t.Tense == Tense.Future || t.Start > published || ScopeHolding(s, t.Span.Start) is not null
                || Document.QuoteAt(t.Span.Start) is not null || OwnedByOtherEventNoun(s, t.Span, null))
            {
                // A date inside a direct quotation is relative to when it was said, not to the story's timeline.
                continue;
            }

            if (t.End!.Value.DayNumber - t.Start!.Value.DayNumber > 31)
            {
                continue;
            }

            return Clip(t);
        }

        return null;
    }

    private void FindDatedNouns()
    {
        // "the Jan. 3 U.S. drone strike", "Sunday's vote": the noun after a day-precise date names a dated event.
        var doc = Document;
        var text = doc.Text;
        foreach (var t in timexes)
        {
            if (t.Precision != "day" || t.Start is null)
            {
                continue;
            }

            var k = doc.TokenIndexAt(t.Span.End);
            var s = doc.SentenceIndexAt(t.Span.Start);
            var (_, s1) = doc.SentenceTokens(s);
            for (var n = 0; n < 4 && k < s1; n++, k++)
            {
                var tok = doc.Tokens[k];
                if (!tok.IsWord || IsFunctionWord(text, tok))
                {
                    break;
                }

                if (!tok.IsCapitalized && EventClass(tok.AsSpan(text)) >= 0)
                {
                    datedNouns.Add((tok.AsSpan(text).ToString().ToLowerInvariant(), t));
                }
            }
        }
    }

    private static bool IsFunctionWord(string text, Token tok) =>
        tok.Is(text, "that") || tok.Is(text, "which") || tok.Is(text, "who") || tok.Is(text, "in") || tok.Is(text, "on") || tok.Is(text, "at")
        || tok.Is(text, "of") || tok.Is(text, "by") || tok.Is(text, "near") || tok.Is(text, "and") || tok.Is(text, "was") || tok.Is(text, "were")
        || tok.Is(text, "to") || tok.Is(text, "for") || tok.Is(text, "with");

    private static int EventClass(ReadOnlySpan<char> word)
    {
        for (var c = 0; c < EventNounClasses.Length; c++)
        {
            foreach (var w in EventNounClasses[c])
            {
                if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
                {
                    return c;
                }
            }
        }

        return -1;
    }

    private void FindSignalScopes()
    {
        var doc = Document;
        var text = doc.Text;
        var toks = doc.Tokens;
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var (s0, s1) = doc.SentenceTokens(s);
            for (var k = s0; k < s1; k++)
            {
                var tok = toks[k];
                if (!tok.IsWord || !SignalStarts.Contains(tok.AsSpan(text)))
                {
                    continue;
                }

                var len = 0;
                var after = true;
                // "X followed Y" puts X after Y like "following"; "followed by" turns it round.
                var verbSignal = (tok.Is(text, "followed") || tok.Is(text, "preceded")) && !(k + 1 < s1 && toks[k + 1].Is(text, "by"));
                if (tok.Is(text, "following") || tok.Is(text, "after") || tok.Is(text, "since") || (verbSignal && tok.Is(text, "followed")))
                {
                    len = 1;
                }
                else if (tok.Is(text, "before") || tok.Is(text, "until") || (verbSignal && tok.Is(text, "preceded")))
                {
                    len = 1;
                    after = false;
                }
                else
                {
                    foreach (var sig in MultiWordSignals)
                    {
                        if (k + sig.Length <= s1 && Matches(text, toks, k, sig))
                        {
                            len = sig.Length;
                            after = sig[0] != "ahead" && sig[0] != "prior" && sig[^1] != "to" || sig[1] is "response" or "reaction";
                            break;
                        }
                    }
                }

                if (len == 0 || k + len >= s1 || toks[k + len].IsPunct)
                {
                    continue;
                }

                // "two days after X" is handled through the expression's own anchor.
                if (k > s0 && IsAnchoredTimexEnd(toks[k - 1].End))
                {
                    continue;
                }

                var scopeStartTok = k + len;
                var endTok = Clauses.PhraseEnd(doc, s0, s1, k, scopeStartTok);
                var scope = new Span(toks[scopeStartTok].Start, toks[endTok - 1].End);
                var (anchor, anchorText) = AnchorOf(s, scope, scopeStartTok, endTok);
                scopes.Add(new SignalScope(s, scope, after, anchor, anchorText));
                k = scopeStartTok - 1;
            }
        }
    }

    private bool IsAnchoredTimexEnd(int end)
    {
        foreach (var t in timexes)
        {
            if (t.Span.End == end && t.Anchor is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Matches(string text, IReadOnlyList<Token> toks, int k, string[] words)
    {
        for (var i = 0; i < words.Length; i++)
        {
            if (!toks[k + i].Is(text, words[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The date a signal phrase points at: a date inside it, "then", or an event noun dated earlier.</summary>
    private (DateOnly? Date, string? Text) AnchorOf(int s, Span scope, int fromTok, int toTok)
    {
        foreach (var t in InSentence(s))
        {
            if (scope.Contains(t.Span) && t.HasInterval && t.Type != "DURATION")
            {
                return (t.Start, t.Text);
            }
        }

        var doc = Document;
        var text = doc.Text;
        if (doc.Tokens[fromTok].Is(text, "then") || doc.Tokens[fromTok].Is(text, "that"))
        {
            // "since then": the last date established before this sentence.
            if (PreviousDated(s) is { } prev)
            {
                return (prev.Start, null);
            }

            var nounAnchor = LatestDatedNounBefore(scope.Start);
            return (nounAnchor?.Start, nounAnchor?.Text);
        }

        for (var k = fromTok; k < toTok && k < fromTok + 6; k++)
        {
            var tok = doc.Tokens[k];
            if (!tok.IsWord || (k > fromTok && IsFunctionWord(text, tok)))
            {
                break;
            }

            var cls = EventClass(tok.AsSpan(text));
            if (cls < 0)
            {
                continue;
            }

            foreach (var (noun, date) in datedNouns)
            {
                if (date.Span.Start < scope.Start && EventClass(noun) == cls)
                {
                    return (date.Start, date.Text);
                }
            }
        }

        return (null, null);
    }

    private TemporalExpression? LatestDatedNounBefore(int offset)
    {
        TemporalExpression? best = null;
        foreach (var (_, date) in datedNouns)
        {
            if (date.Span.Start < offset && (best is null || date.Span.Start > best.Span.Start))
            {
                best = date;
            }
        }

        return best;
    }

    private Reference? PreviousDated(int s)
    {
        for (var p = s - 1; p >= 0; p--)
        {
            foreach (var t in InSentence(p))
            {
                if (t.HasInterval && t.Type is "DATE" or "TIME" && t.Start <= published)
                {
                    return Clip(t);
                }
            }

            if (references[p] is { } r)
            {
                return r;
            }
        }

        return null;
    }

    private readonly record struct SignalScope(int Sentence, Span Scope, bool After, DateOnly? AnchorStart, string? AnchorText);

    private sealed record Reference(DateOnly Start, DateOnly End, string Precision, string? Text, DateOnly Value);
}
