using System.Text;
using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Statements;
using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Events;

/// <summary>
/// Codes events from trigger rules (<see cref="TriggerLexicon"/>): finds the source (subject, passive
/// agent, premodifier or genitive of a nominalisation, "between X and Y") and the target (the first
/// actor after the trigger that is not the source's own side), drops negated events (CAMEO codes what
/// happened, not what did not), records modality, location and a summary, and codes statements that
/// carry no more specific event as "make statement" (010-013) when they are addressed to someone.
/// </summary>
public static class EventExtractor
{
    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal) { "not", "never", "no", "without", "cannot", "nor" };
    private static readonly HashSet<string> Possible = new(StringComparer.Ordinal) { "would", "could", "may", "might", "should" };
    private static readonly HashSet<string> Planned = new(StringComparer.Ordinal) { "will", "plan", "plans", "planned", "intends", "intend", "due", "expected", "set", "going" };
    private static readonly HashSet<string> PassiveAux = new(StringComparer.Ordinal) { "was", "were", "been", "being", "is", "are", "be" };
    private static readonly HashSet<string> TargetStops = new(StringComparer.Ordinal)
    {
        "after", "following", "amid", "despite", "because", "since", "while", "when", "unless", "if", "wake",
        "response", "retaliation", "although", "though", "whereas", "but",
    };

    private static readonly HashSet<string> Weapons = new(StringComparer.Ordinal)
    {
        "rocket", "rockets", "missile", "missiles", "mortar", "mortars", "drone", "drones", "shell", "shells", "bomb", "bombs",
        "projectile", "projectiles", "katyusha", "katyushas", "ied", "explosive", "explosives", "grenade", "grenades",
    };

    private static readonly HashSet<string> Carriers = new(StringComparer.Ordinal)
    {
        "convoy", "convoys", "truck", "trucks", "tanker", "tankers", "lorry", "lorries", "shipment", "shipments", "ship", "ships",
        "vessel", "vessels", "cargo", "consignment", "freighter", "barge", "barges",
    };

    // Words in -s that are no plural noun: a verb taking an -ing complement ("continues sending") or a function word.
    private static readonly HashSet<string> NotPluralNouns = new(StringComparer.Ordinal)
    {
        "also", "always", "perhaps", "sometimes", "besides", "towards", "afterwards", "whereas", "unless", "this", "its", "his",
        "keeps", "starts", "begins", "stops", "continues", "resumes", "ends", "risks", "avoids", "considers", "means", "finishes",
        "denies", "admits", "suggests", "recommends", "includes", "involves", "quits", "mentions", "proposes", "favors", "favours",
        "opposes", "supports", "was", "has", "does", "goes", "comes", "seems", "appears", "remains",
    };

    private static readonly HashSet<string> ClauseStops = new(StringComparer.Ordinal) { "according", "saying", "adding", "calling", "warning", "who", "which" };
    private static readonly HashSet<string> Pessimistic = new(StringComparer.Ordinal)
    {
        "turbulence", "tension", "tensions", "crisis", "concern", "concerned", "worried", "danger", "dangerous", "difficult",
        "difficulties", "deteriorating", "strained", "bitterness", "mistake", "reckless", "escalation", "instability", "threat",
    };

    // Words that condemn whatever they describe: a statement calling an act "unacceptable", "piracy" or "an
    // occupation" criticises its author even when no criticism verb is used.
    private static readonly HashSet<string> Condemnatory = new(StringComparer.Ordinal)
    {
        "unacceptable", "illegal", "illegitimate", "piracy", "occupation", "aggression", "provocation", "provocative",
        "violation", "baseless", "outrageous", "criminal", "deplorable", "irresponsible", "lies", "hostile", "unlawful",
        "trouble", "troublemaker", "menace", "rogue", "disgrace", "disgraceful", "shameful", "thugs", "bully",
    };

    // Hostile acts a speaker lays at someone's door: "the militia is targeting the economy", "the draft ignored
    // Syrian sovereignty", "these individuals have abused the trust" accuse without an accusation verb.
    private static readonly HashSet<string> Accusatory = new(StringComparer.Ordinal)
    {
        "targeting", "attacking", "ignored", "ignoring", "ignores", "violated", "violating", "violates", "abused", "abusing",
        "undermining", "undermined", "undermines", "destabilizing", "destabilising", "sabotaging", "sabotaged", "terrorizing",
    };

    private static readonly HashSet<string> Optimistic = new(StringComparer.Ordinal)
    {
        "hope", "hopeful", "optimistic", "progress", "positive", "constructive", "strengthening", "committed", "improve",
    };

    public static IReadOnlyList<CodedEvent> Extract(
        TextDocument doc,
        ActorAnalysis actors,
        IReadOnlyList<Statement> statements,
        IReadOnlyList<TemporalExpression>? timexes = null,
        DateOnly? published = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(actors);
        var tx = timexes ?? [];
        var reader = new ClauseReader(new WordTokens(doc, actors), tx);
        var dater = published is { } p ? new EventDater(doc, tx, p) : null;
        return Extract(reader, statements, TriggerLexicon.Default, CameoCodebook.Default, dater);
    }

    internal static List<CodedEvent> Extract(ClauseReader reader, IReadOnlyList<Statement> statements, TriggerLexicon lexicon, CameoCodebook codebook, EventDater? dater)
    {
        var run = new Run(reader, statements, lexicon, codebook, dater);
        return run.ReadAll();
    }

    private sealed class Run(ClauseReader reader, IReadOnlyList<Statement> statements, TriggerLexicon lexicon, CameoCodebook codebook, EventDater? dater)
    {
        private readonly WordTokens _t = reader.Tokens;
        private readonly string _text = reader.Tokens.Doc.Text;
        private readonly List<CodedEvent> _events = [];
        private readonly List<(CodedEvent Event, int TokenEnd)> _found = [];

        public List<CodedEvent> ReadAll()
        {
            var doc = _t.Doc;
            for (var s = 0; s < doc.Sentences.Count; s++)
            {
                ReadSentence(s);
            }

            foreach (var st in statements)
            {
                CodeStatement(st);
            }

            _events.Sort((a, b) => a.Trigger.Start.CompareTo(b.Trigger.Start));
            return _events;
        }

        private void ReadSentence(int s)
        {
            var a = _t.SentenceStart(s);
            var b = _t.SentenceEnd(s);
            var sentence = _t.Doc.Sentences[s];
            var found = _found;
            found.Clear();
            var lastInfinitiveSkip = -100;
            var i = a;
            while (i < b)
            {
                if (!_t[i].IsWord || !TryMatch(i, b, out var rule, out var end))
                {
                    i++;
                    continue;
                }

                var consumed = end;
                var code = rule.Code;
                if (rule.Refine && Refine(code, end, b) is { } refined)
                {
                    code = refined.Code;
                    consumed = Math.Max(consumed, refined.End);
                }

                var start = i;
                i = consumed;

                // A trigger in the infinitive under an event already coded belongs to that event
                // ("extended an invitation to al-Ghanimi to visit Russia and meet ...").
                if ((_t.Word(start - 1) == "to" && found.Count > 0 && start - found[^1].TokenEnd < 8)
                    || (_t.Word(start - 1) is "and" or "or" && start - lastInfinitiveSkip < 6))
                {
                    lastInfinitiveSkip = consumed;
                    continue;
                }

                // "accused Iran of orchestrating attacks": what an accusation alleges is its content, not a second event.
                if (found.Count > 0 && found[^1].Event.Code.Code == "112" && OfBetween(found[^1].TokenEnd, start))
                {
                    continue;
                }

                // "thanked Russia for supporting Iraq": the reason, not a second event; "the coalition that has
                // fought ..." describes background, not news.
                if ((_t.Word(start - 1) == "for" && _t.Word(start).EndsWith("ing", StringComparison.Ordinal))
                    || (_t.Word(start - 1) is "has" or "have" or "had" && _t.Word(start - 2) is "that" or "which" or "who"))
                {
                    continue;
                }

                // "an official who asked not to be named": the terms of a source's anonymity, not an act.
                if (_t.Word(start) is "asked" or "requested" or "spoke" && _t.Word(start + 1) is "not" or "on" && _t.Word(start + 2) is "to" or "condition")
                {
                    continue;
                }

                var negated = !rule.CarriesNegation && IsNegated(start, a);
                if (negated || IsConditional(start, a))
                {
                    continue;
                }

                var ev = Build(rule, code, start, end, a, b, sentence, found);
                if (ev is not null && ev.Target is null && ev.Code.QuadClass == 3 && _t.Word(start - 1) == ","
                    && _t.Word(start).EndsWith("ing", StringComparison.Ordinal) && _t.Word(start + 1) is "them" or "him" or "her" or "it"
                    && found.Any(f => ReferenceEquals(f.Event.Source, ev.Source) && f.Event.Code.QuadClass == 4))
                {
                    // "imposed sanctions on X, accusing them of abuses": the stated reason for the act, not a second one.
                    ev = null;
                }

                if (ev is not null)
                {
                    found.Add((ev, consumed));
                    // An agreement between two named sides also sets up "the two leaders" in the next sentence.
                    if ((ev.Code.Root == "04" || IsJointVerb(_t.Word(start))) && ev.Source is not null && ev.Target is not null)
                    {
                        reader.LastParticipants = (ev.Source, ev.Target);
                    }
                }
            }

            // One event per source and quad class in a sentence: conjoined verbs restate the same act.
            for (var x = 0; x < found.Count; x++)
            {
                var e = found[x].Event;
                var keep = true;
                for (var y = 0; y < found.Count && keep; y++)
                {
                    var o = found[y].Event;
                    // Different roots of cooperation ("spoke by phone with X and invited a delegation") are two acts;
                    // so are different verbal conflicts ("rejected the deal and threatened to attack", "blamed X and
                    // warned that ..."). Conjoined force verbs usually retell one assault.
                    if (y != x && ReferenceEquals(o.Source, e.Source) && o.Code.QuadClass == e.Code.QuadClass
                        && (o.Code.QuadClass is 2 or 4 || o.Code.Root == e.Code.Root
                            || (o.Code.QuadClass == 1 && (o.Target is null || e.Target is null))
                            || o.Code.Root is "01" or "02" || e.Code.Root is "01" or "02"))
                    {
                        var (eg, og) = (Math.Abs(e.Code.Goldstein), Math.Abs(o.Code.Goldstein));
                        keep = eg > og || (eg == og && x < y);
                    }
                }

                if (keep)
                {
                    _events.Add(e);
                }
            }
        }

        private bool TryMatch(int i, int b, out TriggerRule rule, out int end)
        {
            foreach (var r in lexicon.StartingWith(_t.Word(i)))
            {
                var e = MatchFrom(r.Elements, 1, i + 1, b);
                if (e >= 0)
                {
                    rule = r;
                    end = e;
                    return true;
                }
            }

            rule = null!;
            end = -1;
            return false;
        }

        private int MatchFrom(IReadOnlyList<PatternElement> elements, int e, int pos, int b)
        {
            if (e == elements.Count)
            {
                return pos;
            }

            var el = elements[e];
            if (el.Words is null)
            {
                for (var g = 0; g <= el.Gap; g++)
                {
                    // Quotation marks may stand in a gap ("warned that he would \"obliterate\""), and so may currency
                    // signs ("pledged $100 million"); other punctuation ends it.
                    if (g > 0 && (pos + g - 1 >= b || !(_t[pos + g - 1].IsWord || _t[pos + g - 1].Kind == WordTokenKind.Quote
                                                         || _t.Word(pos + g - 1) is "$" or "€" or "£")))
                    {
                        break;
                    }

                    var r = MatchFrom(elements, e + 1, pos + g, b);
                    if (r >= 0)
                    {
                        return r;
                    }
                }

                return -1;
            }

            return pos < b && _t[pos].IsWord && el.Words.Contains(_t.Word(pos)) ? MatchFrom(elements, e + 1, pos + 1, b) : -1;
        }

        private (string Code, int End)? Refine(string code, int from, int b)
        {
            var root = code[..2];
            var sb = new StringBuilder(" ");
            var ends = new List<(int Offset, int Token)>();
            for (var k = from; k < b && k < from + 12; k++)
            {
                if (_t.Word(k) is ";" or "." || (!_t[k].IsWord && _t.Word(k) != "-" && _t.Word(k) != ","))
                {
                    break;
                }

                sb.Append(_t.Word(k)).Append(' ');
                ends.Add((sb.Length, k + 1));
            }

            var window = sb.ToString();
            foreach (var r in lexicon.Refinements)
            {
                if (r.Root != root)
                {
                    continue;
                }

                foreach (var kw in r.Keywords)
                {
                    var at = window.IndexOf(" " + kw + " ", StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        var stop = at + kw.Length + 2;
                        var tokenEnd = ends.First(e => e.Offset >= stop).Token;
                        return (r.Code, tokenEnd);
                    }
                }
            }

            return null;
        }

        // "Ankara would restart the flows once Baghdad and Erbil reached an agreement", "if Iran attacks": an act
        // inside a condition has not happened. The clause is scanned back to the nearest punctuation.
        private bool IsConditional(int start, int a)
        {
            for (var k = start - 1; k >= a && k >= start - 8; k--)
            {
                if (!_t[k].IsWord)
                {
                    return false;
                }

                var w = _t.Word(k);
                if (w is "if" or "unless" or "whether")
                {
                    return true;
                }

                // "once" opens a condition before a subject ("once Baghdad ...", "once the two sides ..."), not as
                // an adverb ("had once ruled", "once again attacked").
                if (w == "once" && k + 1 < start && (_t.Word(k + 1) is "the" or "both" or "its" or "their" or "a" or "an"
                    || char.IsUpper(_text[_t[k + 1].Start])))
                {
                    return true;
                }
            }

            return false;
        }

        // The first word of the clause's subject: after the clause start, a leading article, or a subordinator
        // ("two weeks after British Royal Marines helped ...").
        private int ClauseHead(int a, int start)
        {
            var h = a;
            for (var k = start - 1; k > a; k--)
            {
                if (!_t[k].IsWord)
                {
                    h = k + 1;
                    break;
                }

                if (_t.Word(k) is "after" or "when" or "as" or "because" or "since" or "before" or "while")
                {
                    h = k + 1;
                    break;
                }
            }

            if (_t.Word(h) is "the" or "a" or "an")
            {
                h++;
            }

            return h < start && char.IsUpper(_text[_t[h].Start]) ? h : -1;
        }

        private bool IsNegated(int start, int a)
        {
            for (var k = start - 1; k >= a && k >= start - 3; k--)
            {
                var w = _t.Word(k);
                if (!_t[k].IsWord)
                {
                    return false;
                }

                if (Negators.Contains(w) || w.EndsWith("n't", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            // "did not expect Washington to impose sanctions": an act someone does not expect has not happened.
            for (var k = start - 1; k > a && k >= start - 8; k--)
            {
                if (!_t[k].IsWord)
                {
                    return false;
                }

                if (_t.Word(k) is "expect" or "expects" or "expected" or "anticipate" or "anticipated" or "foresee" or "foresaw"
                    && (_t.Word(k - 1) is "not" or "never" || _t.Word(k - 1).EndsWith("n't", StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private Statement? EnclosingStatement(int offset)
        {
            foreach (var st in statements)
            {
                if (st.Content.Contains(offset))
                {
                    return st;
                }
            }

            return null;
        }

        private CodedEvent? Build(TriggerRule rule, string code, int start, int end, int a, int b, Span sentence, List<(CodedEvent Event, int TokenEnd)> found)
        {
            Referent src;
            Referent tgt = default;
            var carrier = code[..2] == "19" && _t.Word(start).StartsWith("cross", StringComparison.Ordinal) && CarrierSubject(a, start);
            if (carrier)
            {
                // "A convoy of tanker trucks carrying Iranian diesel crossed into Lebanon": goods delivered, not an incursion.
                code = "061";
            }

            var participle = !rule.Nominal && !rule.NounFirstPassive && PassiveAux.Contains(_t.Word(start - 1))
                && (_t.Word(start).EndsWith("ed", StringComparison.Ordinal) || _t.Word(start) is "met" or "struck" or "hit" or "fought" or "held" or "sent" or "told");
            // "Iran's envoy was summoned to the Foreign Office": the office that summons is the agent.
            var summonedTo = participle && _t.Word(start) == "summoned" && _t.Word(end - 1) == "to";
            // The agent may also stand inside the pattern: "Jordan was asked by Iraq to increase exports".
            var agentAt = _t.Word(end) == "by" ? end + 1 : summonedTo ? end : _t.Word(start + 1) == "by" ? start + 2 : -1;
            var passive = participle && agentAt >= 0;

            if (participle && !passive)
            {
                // "American forces were asked to leave": the subject undergoes the act and the actor is unnamed.
                return null;
            }

            if (!rule.Nominal && !rule.NounFirstPassive && ReducedRelative(start))
            {
                // "fees on Iranian trucks traveling to the region": the -ing form describes the noun before it.
                return null;
            }

            if (rule.NounFirstPassive)
            {
                // "Sanctions were imposed on Venezuela by the United States", "The treaty was signed by Iraq and
                // Jordan", "The Turkish offensive drew criticism from France": the agent after by/from acts.
                var agent = _t.Word(end - 1) is "by" or "from" ? end : -1;
                for (var k = end; agent < 0 && k < b && k < end + 8 && _t[k].IsWord; k++)
                {
                    agent = _t.Word(k) == "by" ? k + 1 : -1;
                }

                if (agent < 0)
                {
                    return null;
                }

                passive = true;
                src = ActorAfter(agent, b, null);
                if (!src.Found)
                {
                    src = AdjectiveActor(agent, Math.Min(b, agent + 3));
                }

                // The side acted on between the verb and the agent ("imposed on Venezuela by"), else the second
                // side of a joint agent ("by Iraq and Jordan"), else the subject's actor ("Turkey's decision drew").
                tgt = agent - 1 > end ? ActorAfter(end, agent - 1, src.Actor) : default;
                if (!tgt.Found && src.Span is { } sp && _t.IndexAtOrAfter(sp.End) is var n0 && _t.Word(n0) == "and"
                    && _t.MentionAt(_t.Word(n0 + 1) == "the" ? n0 + 2 : n0 + 1) is { } second && !ReferenceEquals(second.Actor, src.Actor))
                {
                    tgt = new Referent(second.Actor, second.Span);
                }

                if (!tgt.Found)
                {
                    tgt = ClauseSubject(a, start);
                }

                if (!tgt.Found)
                {
                    tgt = AdjectiveActor(a, start + 1);
                }
            }
            else if (rule.Nominal)
            {
                (src, tgt) = NominalParticipants(code, start, end, a, b);
                if (src.Found && IsPressAudience(src.Actor!))
                {
                    // "he told reporters after meeting his Armenian counterpart": the audience does not act; the speaker does.
                    var at = _t[start].Start;
                    src = statements.FirstOrDefault(st => st.Evidence.Contains(at) && st.CueSpan is { } cue && cue.End <= at && st.Speaker is not null) is { } told
                        ? new Referent(told.Speaker, null)
                        : default;
                }

                if (!src.Found && code[..2] is "18" or "19" or "20")
                {
                    // "A Turkish drone strike killed ...": the country's adjective on the noun.
                    src = AdjectiveActor(Math.Max(a, start - 4), start);
                }

                if (!tgt.Found && code[..2] is "18" or "19" or "20" && KilledIn(start, a))
                {
                    // "Three fighters were killed in a U.S. airstrike": the dead are the sentence's subject.
                    tgt = ClauseSubject(a, start);
                }

                if (!tgt.Found && code[..2] == "04" && _t.Word(end) == "with")
                {
                    // "held a phone call with his Iraqi counterpart"
                    tgt = AdjectiveActor(end + 1, Math.Min(b, end + 5));
                }
            }
            else if (passive)
            {
                src = ActorAfter(agentAt, b, null);
                if (!src.Found)
                {
                    // "struck by Turkish artillery", "by a Houthi missile": the adjective on the instrument acts.
                    src = AdjectiveActor(agentAt, Math.Min(b, agentAt + 3));
                }

                tgt = reader.SubjectOf(start, a);
                var actorOfSubject = ClauseSubject(a, start);
                if (!tgt.Found || (actorOfSubject.Span is { } os && _t.Word(_t.IndexAtOrAfter(os.End)) == "'s"))
                {
                    // "Iran's seizure of the tanker was condemned by Britain", "Israel's bombing of Gaza was criticized":
                    // the actor whose act the subject names, not the place acted on.
                    tgt = actorOfSubject.Found ? actorOfSubject : tgt;
                }

                if (!tgt.Found)
                {
                    // "An Iranian tanker was seized by British forces": the owner named by its adjective.
                    tgt = AdjectiveActor(a, start);
                }
            }
            else
            {
                src = SelfNamed(a, start) is { Found: true } named ? named : reader.SubjectOf(start, a);

                // "Saudi Arabia and Iraq signed an agreement", "X and Y agreed to ...": for joint acts the first conjunct acts and the second
                // is the other side; for anything else ("Britain and Germany called for restraint") both act.
                // "Iran and the United States": the article does not part the conjuncts.
                if (src.Span is { } ss && _t.IndexAtOrAfter(ss.Start) is var s0 && (_t.Word(s0 - 1) == "the" ? s0 - 1 : s0) is var st
                    && _t.Word(st - 1) == "and" && _t.MentionAt(st - 2) is { } first
                    && !ReferenceEquals(first.Actor, src.Actor) && first.Actor.Kind != ActorKinds.Location
                    && (code[..2] is "04" or "05" or "06" || IsJointVerb(_t.Word(start))))
                {
                    tgt = src;
                    src = new Referent(first.Actor, first.Span);
                }
                else if (src.Span is { } cs && _t.IndexAtOrAfter(cs.Start) is var c0 && (_t.Word(c0 - 1) == "the" ? c0 - 1 : c0) is var ct
                         && _t.Word(ct - 1) == "and" && _t.MentionAt(ct - 2) is { } lead
                         && !ReferenceEquals(lead.Actor, src.Actor) && lead.Actor.Kind != ActorKinds.Location)
                {
                    src = new Referent(lead.Actor, lead.Span);
                }
            }

            var enclosing = EnclosingStatement(_t[start].Start);
            if (code[..2] is "18" or "19" && FigurativeObject(end, b))
            {
                // "struck a more conciliatory tone": no force was used.
                return null;
            }

            if (_t.Word(start) is "threat" or "threats" && !IssuedBefore(start, a))
            {
                // "stop exaggerating the China threat", "posed a threat": the noun names a danger, not an act of
                // threatening, unless someone issued or made it.
                return null;
            }

            if (enclosing?.Cue is { } denial && (denial.StartsWith("den", StringComparison.OrdinalIgnoreCase) || denial.StartsWith("reject", StringComparison.OrdinalIgnoreCase)))
            {
                // What a speaker denies did not happen, as far as the text commits.
                return null;
            }

            if (!src.Found && found.Count == 0 && (_t.Word(start - 1) is "and" or "but" or "then"
                || (_t.Word(start - 1) is "later" or "also" or "then" or "subsequently" && _t.Word(start - 2) is "and" or "but")))
            {
                // "... was received at the airport by X and later held talks with him": "and later" joins the verbs too.
                // "Trump praised the Iraqi people but criticized the government": the clause's subject.
                src = ClauseSubject(a, start);
            }

            if (!src.Found && !rule.Nominal && WhereAntecedent(a, start) is { Found: true } office)
            {
                // "summoned to the Foreign Office, where officials demanded ...": the officials are the office's.
                src = office;
            }

            if (!src.Found && !rule.Nominal && _t.Word(start).EndsWith("ing", StringComparison.Ordinal) && StatementNounBefore(a, start))
            {
                // "read a statement on Palestinian television describing the deal as a betrayal": the statement's author.
                src = ClauseSubject(a, start);
            }

            if (!src.Found && !rule.Nominal && _t.Word(start - 1) == "," && _t.Word(start).EndsWith("ing", StringComparison.Ordinal)
                && codebook[code].QuadClass != 4)
            {
                // "arrived in Baghdad, pledging to help", "rejected the deal, threatening to ...": a participle after
                // the main clause has its subject. Force participles (", killing two") retell the assault instead.
                src = found.Count > 0 && found[^1].Event.Source is { } lead ? new Referent(lead, null) : ClauseSubject(a, start);
            }

            if (!src.Found && found.Count > 0 && ConjoinedAfterAside(start, a))
            {
                // Conjoined verbs share the subject and, unless they name their own, the other side.
                var prev = found[^1].Event;
                src = new Referent(prev.Source, null);
                if (prev.Target is not null && !rule.Nominal)
                {
                    tgt = new Referent(prev.Target, null);
                }
            }

            if (!src.Found && !rule.Nominal && enclosing is not null && SubjectIsFirstPersonOrImpersonal(start, a))
            {
                // "We're not leaving", "There's been no decision to leave": the speaker's side acts.
                src = new Referent(enclosing.Speaker, null);
            }

            if (!src.Found && enclosing?.Speaker?.Country is { } home && _t.Word(start - 1) is "kingdom" or "country" or "government" or "nation" or "republic"
                && _t.Word(start - 2) == "the")
            {
                // "He said the kingdom wanted to see ...": the speaker's own state.
                src = CountryActor(home);
            }

            var sn = start - 1;
            while (sn > start - 4 && sn > a && _t.Word(sn) is "to" or "agreed" or "has" or "had" or "have" or "will" or "would" or "decided" or "moved")
            {
                sn--;
            }

            if (!src.Found && sn >= 2 && _t.Word(sn) is "state" or "kingdom" or "emirate" or "country" or "nation" or "republic"
                && _t.Word(sn - 2) == "the" && char.IsUpper(_text[_t[sn - 1].Start]))
            {
                // "hours after the Gulf state agreed to normalize relations": the country named last before it.
                for (var j = sn - 3; j >= 0 && j >= sn - 60; j--)
                {
                    if (_t.MentionAt(j) is { } m && m.Actor.Kind == ActorKinds.Country)
                    {
                        src = new Referent(m.Actor, null);
                        break;
                    }
                }
            }

            if (!src.Found && !rule.Nominal && code[..2] is "15" or "16" or "17" or "18" or "19" or "20")
            {
                // "Saudi air defenses had intercepted two drones": the force is named by its country's adjective.
                src = AdjectiveActor(Math.Max(a, start - 5), start);
                if (!src.Found && ClauseHead(a, start) is var h and >= 0)
                {
                    // "British Royal Marines helped authorities in Gibraltar detain ...": a body the actor stage does not
                    // know still names its country by the adjective that opens the clause's subject.
                    src = AdjectiveActor(h, Math.Min(start, h + 2));
                }
            }

            if (!src.Found && carrier)
            {
                // "trucks carrying Iranian diesel crossed into": the goods' country sends them.
                src = AdjectiveActor(Math.Max(a, start - 12), start);
            }

            var weapon = code[..2] is "18" or "19" or "20" && !rule.Nominal ? WeaponSubject(a, start) : -1;
            if (weapon < 0 && code[..2] is "18" or "19" or "20" && !rule.Nominal && Weapons.Contains(_t.Word(start)))
            {
                // "Several rockets were fired at U.S. forces": the pattern opens on the weapon itself, a passive with no agent.
                weapon = start;
                if (found.Any(f => f.Event.Evidence.Equals(sentence) && f.Event.Code.Root is "18" or "19" or "20"))
                {
                    // "... was struck by a Houthi missile, and ten drones were fired at other facilities": the same attack told on.
                    return null;
                }
            }
            if (rule.NeedsWeaponSubject && weapon < 0)
            {
                return null;
            }

            // An actor after the weapon word ("rockets targeting the U.S. Embassy in Baghdad") is what was aimed at.
            if (weapon >= 0 && (!src.Found || src.Actor!.Kind == ActorKinds.Location || (src.Span is { } held && held.Start > _t[weapon].Start)))
            {
                // "Rockets slammed into the Green Zone", "A barrage of rockets targeting the U.S. Embassy hit ...": the
                // attack is news even while nobody has claimed it; the side attacked is the first actor named.
                return Unattributed(rule, code, start, end, a, b, sentence);
            }

            if (!src.Found || src.Actor!.Kind == ActorKinds.Location)
            {
                return null;
            }

            if (!tgt.Found && src.Actor.Kind == ActorKinds.Group && src.Actor.Country is null && src.Span is { } group
                && code[..2] is "03" or "04" or "05" or "06" && CountriesNamedIn(group) is { } sides)
            {
                // "Saudi and Iranian officials held talks": the two nationalities are the two sides.
                src = new Referent(sides.A, group);
                tgt = new Referent(sides.B, null);
            }

            if (src.Actor is null)
            {
                return null;
            }

            if (rule.Nominal && _events.Any(e => ReferenceEquals(e.Source, src.Actor) && e.Code.Root == code[..2]))
            {
                // "last night's attack by the Iranian regime" after "Iran launched missiles": the same event named again.
                return null;
            }

            if ((!tgt.Found || tgt.Span is null) && code[..2] is "02" or "03" or "04" or "07" or "10" or "11" or "13" && end - start > 2
                && FindTarget(start + 1, end, src.Actor) is { Found: true } inPattern
                && (inPattern.Actor!.Country is null || inPattern.Actor.Country != src.Actor.Country))
            {
                // "asked NATO to ...", "described China's ambitions as a threat", "provide Iraq with vaccine": the other side stands inside the
                // pattern, and it outranks the side a conjoined verb would inherit. The source's own people there ("sent its foreign
                // minister to Iraq") are the means, not the other side.
                tgt = inPattern;
            }

            if (!tgt.Found && code[..2] is "11" or "16" or "17" && end - start > 2
                && AdjectiveActor(start + 1, end) is { Found: true } owner && owner.Actor!.Country != src.Actor.Country)
            {
                // "summoned the Turkish ambassador", "recalled the Iranian envoy": the envoy's country.
                tgt = owner;
            }

            if (!tgt.Found)
            {
                tgt = TheCountry(end, b, start, src.Actor);
            }

            if (!tgt.Found)
            {
                tgt = src.Plural && src.Other is not null ? new Referent(src.Other, null)
                    : code[..2] is "05" or "11" or "12" && ActOnObject(end, b) ? default
                    : FindTarget(end, b, src.Actor);
            }

            if (tgt.Found && ReferenceEquals(tgt.Actor, src.Actor))
            {
                tgt = default;
            }

            if (!tgt.Found && enclosing?.Speaker is { Country: { } side } speaker && code[..2] is "03" or "06" or "07"
                && src.Actor.Country is { } from && from != side)
            {
                // "an Iraqi official said Russia has come forward to offer military support": offered to the speaker's side.
                tgt = CountryActor(side);
            }

            if (!tgt.Found)
            {
                // "condemned the sanctions": the object names an earlier event; its source is the other side.
                tgt = EventAnaphor(end, b, src.Actor);
            }

            if (passive && !tgt.Found)
            {
                // "The attacks were condemned by the United States": the subject names an earlier event.
                tgt = EventAnaphor(a, start, src.Actor);
            }

            if (tgt.Found && tgt.Actor!.Kind == ActorKinds.Location)
            {
                // "The town of Ras al-Ain was struck": a place stands for the country it lies in.
                tgt = tgt.Actor.Country is { } placeCountry && placeCountry != src.Actor.Country ? CountryActor(placeCountry) : default;
            }

            if (!rule.NeedsTarget && !tgt.Found && code[..2] is "11" or "12" && !rule.CarriesNegation && HasObject(end, b, passive))
            {
                // "Peskov dismissed the warning" with no earlier warning named alike: the act being answered.
                tgt = ContextTarget(end, b, src.Actor, true);
            }

            if (!tgt.Found && code == "138" && _t.Word(end - 1) is "revenge" or "avenge" or "retaliate" or "retaliation" or "respond" or "reprisals" or "retribution")
            {
                // "threatened to take revenge for the blood of our martyrs": the threat answers the latest use of force by another side.
                var self = src.Actor;
                var hurt = _events.LastOrDefault(f => f.Code.Root is "18" or "19" or "20" && f.Source is { } by
                    && !ReferenceEquals(by, self) && (by.Country is null || by.Country != self?.Country));
                tgt = hurt?.Source is { } avenged ? new Referent(avenged, null) : default;
            }

            if (!tgt.Found && code == "016" && end - start > 1)
            {
                // "denied the accusations", "denied any role": the denial answers the side that accused.
                tgt = ContextTarget(end, b, src.Actor, true);
            }

            if (rule.NeedsTarget && !tgt.Found)
            {
                // An object that is no actor ("attacked an oil depot in Jiddah", "condemned the incursion") still
                // records the act; meetings and visits without a counterpart say nothing.
                if (rule.CarriesNegation || !HasObject(end, b, passive))
                {
                    return null;
                }

                // Only verbal reactions answer the latest act by another side; an arrest or a raid with no actor
                // in its object ("arrested five suspects") has no known other side.
                tgt = ContextTarget(end, b, src.Actor, code[..2] is "01" or "02" or "05" or "10" or "11" or "12" or "13" or "14" or "16");
                if (!tgt.Found && code[..2] is "03" or "04" or "09")
                {
                    return null;
                }
            }

            var modality = Modality(start, a);
            if (modality != "asserted" && ThreatCode(code) is { } conditional && ConditionFollows(end, b))
            {
                // "would impose sanctions on Iraqi officials if U.S. troops were expelled": punishment on a
                // condition is a threat of it.
                code = conditional;
            }

            if (enclosing is not null)
            {
                if (modality != "asserted" && IsThreatCue(enclosing.Cue) && ThreatCode(code) is { } threat)
                {
                    code = threat;
                }

                modality = modality == "asserted" ? "reported" : modality;
            }

            var cameo = codebook[code];
            var trigger = new Span(_t[start].Start, _t[end - 1].End);
            var reported = enclosing is not null;
            // An intent told in someone's words ("adding that Washington's role would shift to helping Iraqi forces")
            // is expressed when it is said: date it by the speech cue, not by the future it promises.
            var dateAt = code[..2] == "03" && enclosing?.CueSpan is { } said ? said : trigger;
            return new CodedEvent
            {
                Code = cameo,
                Source = src.Actor,
                Target = tgt.Actor,
                Evidence = sentence,
                Trigger = trigger,
                Modality = modality,
                Reported = reported,
                Location = FindLocation(a, b, end),
                Summary = Summarize(src, tgt, trigger, sentence),
                Date = dater?.DateFor(sentence, dateAt, reported && dateAt == trigger),
                Rule = rule.Pattern,
            };
        }

        // "killed|wounded in a U.S. airstrike": the noun stands after the victims' passive verb.
        private bool KilledIn(int start, int a)
        {
            for (var k = start - 1; k > a && k >= start - 6; k--)
            {
                if (_t.Word(k) == "in" && _t.Word(k - 1) is "killed" or "wounded" or "injured" or "hurt" or "died")
                {
                    return true;
                }

                if (!_t[k].IsWord)
                {
                    return false;
                }
            }

            return false;
        }

        // ", where officials|diplomats|ministers <verb>": the institution named just before the comma.
        private Referent WhereAntecedent(int a, int start)
        {
            var k = start - 1;
            while (k > a && start - k <= 3 && _t.Word(k) is "officials" or "diplomats" or "ministers" or "staff" or "senior" or "its" or "the")
            {
                k--;
            }

            if (_t.Word(k) != "where" || _t.Word(k - 1) != "," || _t.MentionAt(k - 2) is not { } m
                || m.Actor.Kind is not (ActorKinds.Organization or ActorKinds.Country))
            {
                return default;
            }

            return new Referent(m.Actor, m.Span);
        }

        // "A group of factions calling itself the Coordination Committee threatened ...": the name the subject gives
        // itself is the actor.
        private Referent SelfNamed(int a, int start)
        {
            for (var k = start - 1; k > a && k >= start - 14; k--)
            {
                if (_t.Word(k) is "itself" or "themselves" && _t.Word(k - 1) is "calling" or "called" or "styling")
                {
                    var n = _t.Word(k + 1) == "the" ? k + 2 : k + 1;
                    return _t.MentionAt(n) is { } m && m.Actor.Kind != ActorKinds.Location ? new Referent(m.Actor, m.Span) : default;
                }
            }

            return default;
        }

        // A statement noun shortly before an -ing trigger ("a statement on state television describing ..."), no punctuation between.
        private bool StatementNounBefore(int a, int start)
        {
            for (var k = start - 1; k > a && k >= start - 6; k--)
            {
                if (!_t[k].IsWord)
                {
                    return false;
                }

                if (_t.Word(k) is "statement" or "letter" or "tweet" or "post" or "message" or "communique" or "communiqué" or "speech")
                {
                    return true;
                }
            }

            return false;
        }

        // The subject before a crossing names a carrier of goods (convoy, trucks, tankers, ships, shipment).
        private bool CarrierSubject(int a, int start)
        {
            for (var k = start - 1; k >= a && k >= start - 12; k--)
            {
                var w = _t.Word(k);
                if (w is "," or ";" or ":")
                {
                    return false;
                }

                if (Carriers.Contains(w))
                {
                    return true;
                }
            }

            return false;
        }

        // An -ing trigger right after a plain plural noun that names no actor ("trucks traveling to", "ships carrying")
        // is a reduced relative on that noun: its doer is the noun, not the clause's subject.
        private bool ReducedRelative(int start)
        {
            if (start < 1 || !_t[start - 1].IsWord || !_t.Word(start).EndsWith("ing", StringComparison.Ordinal))
            {
                return false;
            }

            var prev = _t.Word(start - 1);
            return prev.Length > 3 && prev.EndsWith('s') && !prev.EndsWith("ss", StringComparison.Ordinal) && !prev.EndsWith("us", StringComparison.Ordinal)
                && char.IsLower(_text[_t[start - 1].Start]) && !NotPluralNouns.Contains(prev) && _t.MentionAt(start - 1) is null;
        }

        // The subject words before the verb name a weapon ("A barrage of rockets targeting the embassy"): the
        // leftmost weapon word, or -1.
        private int WeaponSubject(int a, int start)
        {
            var weapon = -1;
            for (var k = start - 1; k >= a && k >= start - 12; k--)
            {
                var w = _t.Word(k);
                if (w is ";" or ":" or "," or "said" or "says")
                {
                    break;
                }

                if (Weapons.Contains(w))
                {
                    weapon = k;
                }
            }

            return weapon;
        }

        private CodedEvent? Unattributed(TriggerRule rule, string code, int start, int end, int a, int b, Span sentence)
        {
            var tgt = FindTarget(a, b, null);
            if (!tgt.Found)
            {
                return null;
            }

            var trigger = new Span(_t[start].Start, _t[end - 1].End);
            var reported = EnclosingStatement(_t[start].Start) is not null;
            return new CodedEvent
            {
                Code = codebook[code],
                Source = null,
                Target = tgt.Actor,
                Evidence = sentence,
                Trigger = trigger,
                Modality = reported ? "reported" : Modality(start, a),
                Reported = reported,
                Location = FindLocation(a, b, end),
                Summary = $"{Collapse(trigger.Slice(_text))} {tgt.Actor!.Name}",
                Date = dater?.DateFor(sentence, trigger, reported),
                Rule = rule.Pattern,
            };
        }

        private Referent ClauseSubject(int a, int before)
        {
            for (var k = a; k < before; k++)
            {
                if (_t.MentionAt(k) is { } m && m.Actor.Kind != ActorKinds.Location
                    && !(k > a && _t.Word(reader.FirstTokenOf(m, k) - 1) is "in" or "at" or "of" or "with" or "to" or "from" or "on" or "by" or "for" or "against"))
                {
                    return new Referent(m.Actor, m.Span);
                }
            }

            return default;
        }

        private Referent EventAnaphor(int from, int b, ActorEntity? source)
        {
            // The object's head noun, past determiners and modifiers: "the sanctions", "the U.S.-led strikes".
            for (var k = from; k < b && k < from + 4; k++)
            {
                var w = _t.Word(k);
                if (!_t[k].IsWord)
                {
                    break;
                }

                if (w is "the" or "a" or "an" or "this" or "that" or "these" or "those" or "latest" or "new" or "recent")
                {
                    continue;
                }

                var stem = w.EndsWith('s') ? w[..^1] : w;
                if (stem.Length < 5 || _t.MentionAt(k) is not null)
                {
                    return default;
                }

                for (var e = _events.Count - 1; e >= 0; e--)
                {
                    var prev = _events[e];
                    if (prev.Rule == "statement" || prev.Source is null || ReferenceEquals(prev.Source, source))
                    {
                        continue;
                    }

                    // "the expansion" names "agreed to expand", "the warning" names "warned": a shared stem is enough.
                    var trig = prev.Trigger.Slice(_text);
                    var prefix = stem.Length >= 9 ? 5 : 4;
                    if (trig.Contains(stem, StringComparison.OrdinalIgnoreCase)
                        || (stem.Length >= 6 && (trig.StartsWith(stem[..prefix], StringComparison.OrdinalIgnoreCase)
                            || trig.Contains(" " + stem[..prefix], StringComparison.OrdinalIgnoreCase))))
                    {
                        return new Referent(prev.Source, null);
                    }
                }

                // Only the head noun names the event; modifiers after it do not.
                return default;
            }

            return default;
        }

        // "and described", "and, for the first time, described": a verb conjoined to the previous one, past an aside.
        private bool ConjoinedAfterAside(int start, int a)
        {
            var k = start - 1;
            if (_t.Word(k) == ",")
            {
                k--;
                while (k > a && k > start - 10 && _t.Word(k) != ",")
                {
                    k--;
                }

                if (_t.Word(k) != ",")
                {
                    return false;
                }

                k--;
            }

            return k >= a && _t.Word(k) is "and" or "but" or "then";
        }

        // A capitalised adjective that no mention covers, naming a country or group of the article by its stem
        // ("Turkish" - Turkey, "Saudi" - Saudi Arabia, "Houthi" - Houthis).
        private Referent AdjectiveActor(int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                if (!_t[k].IsWord || _t.MentionAt(k) is not null || _t[k].End - _t[k].Start < 5 || !char.IsUpper(_text[_t[k].Start]))
                {
                    continue;
                }

                var stem = _text.AsSpan(_t[k].Start, 4);
                foreach (var actor in _t.Actors.Actors)
                {
                    if (actor.Kind is ActorKinds.Country or ActorKinds.ArmedGroup && actor.Name.AsSpan().StartsWith(stem, StringComparison.OrdinalIgnoreCase))
                    {
                        return new Referent(actor, null);
                    }
                }
            }

            return default;
        }

        // "struck a conciliatory tone", "the missile deal hit a snag": no force was used.
        private bool FigurativeObject(int end, int b)
        {
            for (var k = end; k < b && k < end + 4; k++)
            {
                if (_t.Word(k) is "tone" or "note" or "chord" or "balance" or "deal" or "agreement" or "compromise" or "bargain"
                    or "snag" or "record" or "wall" or "roadblock" or "deadlock" or "stalemate" or "headlines" or "market" or "markets")
                {
                    return true;
                }
            }

            return false;
        }

        private bool IssuedBefore(int start, int a)
        {
            for (var k = start - 1; k >= a && k >= start - 4; k--)
            {
                if (_t.Word(k) is "issued" or "issues" or "issue" or "made" or "make" or "makes" or "renewed" or "repeated" or "voiced")
                {
                    return true;
                }
            }

            return false;
        }

        private (ActorEntity A, ActorEntity B)? CountriesNamedIn(Span span)
        {
            ActorEntity? first = null;
            for (var k = _t.IndexAtOrAfter(span.Start); k < _t.Count && _t[k].Start < span.End; k++)
            {
                if (!_t[k].IsWord || _t[k].End - _t[k].Start < 4 || !char.IsUpper(_text[_t[k].Start]))
                {
                    continue;
                }

                var stem = _text.AsSpan(_t[k].Start, 4);
                foreach (var actor in _t.Actors.Actors)
                {
                    if (actor.Kind == ActorKinds.Country && actor.Name.AsSpan().StartsWith(stem, StringComparison.OrdinalIgnoreCase))
                    {
                        if (first is null)
                        {
                            first = actor;
                        }
                        else if (!ReferenceEquals(first, actor))
                        {
                            return (first, actor);
                        }

                        break;
                    }
                }
            }

            return null;
        }

        private bool HasObject(int end, int b, bool passive) =>
            passive || (end < b && _t[end].IsWord && !ClauseStops.Contains(_t.Word(end)));

        private Referent ContextTarget(int end, int b, ActorEntity source, bool reaction)
        {
            // "praised the attack on the U.S. base": the base's country was acted on, not answered; an adjective on
            // the act ("the Turkish offensive against ...") still names who acted.
            var actOn = reaction && ActOnObject(end, b);
            // "visited the Turkish side of the crossing": a country adjective on the object.
            if (AdjectiveActor(end, Math.Min(b, end + 3)) is { Found: true } owner && !ReferenceEquals(owner.Actor, source)
                && owner.Actor!.Country != source.Country)
            {
                return owner;
            }

            // A place in the object stands for its country ("an oil depot in the Saudi port city of Jiddah").
            for (var k = end; k < b && !actOn; k++)
            {
                var w = _t.Word(k);
                if (w is ";" || TargetStops.Contains(w) || ClauseStops.Contains(w))
                {
                    break;
                }

                if (_t.MentionAt(k) is { } m && m.Actor.Country is { } c && c != source.Country
                    && m.Actor.Kind is ActorKinds.Location or ActorKinds.Country)
                {
                    var country = m.Actor.Kind == ActorKinds.Country ? new Referent(m.Actor, m.Span) : CountryActor(c);
                    if (country.Found)
                    {
                        return country;
                    }
                }
            }

            // Otherwise the reaction answers the latest act by another side ("Damascus condemned the incursion").
            for (var e = _events.Count - 1; reaction && e >= 0; e--)
            {
                var prev = _events[e];
                if (actOn && prev.Source is null && prev.Code.QuadClass == 4)
                {
                    // The act reacted to is the latest, unclaimed attack: its author is unknown.
                    return default;
                }

                if (prev.Rule == "statement" || prev.Source is null)
                {
                    continue;
                }

                if (!ReferenceEquals(prev.Source, source) && (source.Country is null || prev.Source.Country != source.Country))
                {
                    return new Referent(prev.Source, null);
                }
            }

            return default;
        }

        private Referent CountryActor(string iso3)
        {
            foreach (var actor in _t.Actors.Actors)
            {
                if (actor.Kind == ActorKinds.Country && actor.Country == iso3)
                {
                    return new Referent(actor, null);
                }
            }

            return default;
        }

        private bool SubjectIsFirstPersonOrImpersonal(int start, int a)
        {
            for (var k = start - 1; k >= a && k >= start - 6; k--)
            {
                var w = _t.Word(k);
                if (w is "we" or "i" or "there" or "we're" or "i'm" or "we've")
                {
                    return true;
                }

                if (!_t[k].IsWord)
                {
                    return false;
                }
            }

            return false;
        }

        private static bool IsThreatCue(string? cue) =>
            cue is not null && (cue.StartsWith("warn", StringComparison.OrdinalIgnoreCase) || cue.StartsWith("threat", StringComparison.OrdinalIgnoreCase));

        private static string? ThreatCode(string code) => code[..2] switch
        {
            "16" => code == "163" ? "1312" : "1313",
            "17" => "130",
            "18" or "19" or "20" => "138",
            _ => null,
        };

        // "condemned the attack on the U.S. Embassy", "praised the strike against": a reaction answers who acted,
        // not the side the act was aimed at; that side is left to the event the noun names.
        private bool ActOnObject(int end, int b)
        {
            var k = end;
            if (_t.Word(k) is "the" or "a" or "this" or "that" or "last" or "its" or "their")
            {
                k++;
            }

            while (k < b && k < end + 4 && _t.Word(k + 1) is not ("on" or "against"))
            {
                k++;
            }

            // The act noun must head the object: "accused Iran of orchestrating attacks on shipping" names Iran first.
            for (var j = end; j < k; j++)
            {
                if (_t.Word(j) is "of" or "for" or "to" or "that" or "with" || (_t.MentionAt(j) is not null && j < k - 1 && _t.MentionAt(k - 1) is null))
                {
                    return false;
                }
            }

            return _t.Word(k) is "attack" or "attacks" or "strike" or "strikes" or "airstrike" or "airstrikes" or "bombing"
                       or "shelling" or "assault" or "raid" or "raids" or "incursion" or "invasion" or "offensive"
                   && _t.Word(k + 1) is "on" or "against";
        }

        private bool OfBetween(int from, int to)
        {
            // "of orchestrating attacks", "for the attacks": the trigger stands within two words of the preposition,
            // and no conjunction ("... for the strike and warned") starts a new verb in between.
            for (var k = from; k < to; k++)
            {
                if (!_t[k].IsWord || _t.Word(k) is "and" or "but")
                {
                    return false;
                }

                if (_t.Word(k) is "of" or "for" && to - k <= 3)
                {
                    return true;
                }
            }

            return false;
        }

        private bool ConditionFollows(int end, int b)
        {
            for (var k = end; k < b && k < end + 15; k++)
            {
                if (_t.Word(k) is "if" or "unless")
                {
                    return true;
                }

                if (_t.Word(k) is ";" or "but")
                {
                    return false;
                }
            }

            return false;
        }

        private string Modality(int start, int a)
        {
            for (var k = start - 1; k >= a && k >= start - 4; k--)
            {
                var w = _t.Word(k);
                if (!_t[k].IsWord)
                {
                    break;
                }

                if (Possible.Contains(w))
                {
                    return "possible";
                }

                if (Planned.Contains(w))
                {
                    return "planned";
                }
            }

            return "asserted";
        }

        private (Referent Source, Referent Target) NominalParticipants(string code, int start, int end, int a, int b)
        {
            // "between X and Y"
            for (var k = end; k < b && k < end + 6; k++)
            {
                if (_t.Word(k) == "between")
                {
                    var x = ActorAfter(k + 1, b, null, out var xEnd);
                    if (x.Found)
                    {
                        var and = xEnd;
                        while (and < b && _t.Word(and) != "and")
                        {
                            and++;
                        }

                        var y = ActorAfter(and + 1, b, x.Actor);
                        return (x, y);
                    }
                }

                if (!_t[k].IsWord && _t.Word(k) != "-")
                {
                    break;
                }
            }

            // Premodifier or genitive: "the Jan. 3 U.S. drone strike", "Iran's attack".
            for (var k = start - 1; k >= a && k >= start - 4; k--)
            {
                if (_t.MentionAt(k) is { } m)
                {
                    return (new Referent(m.Actor, m.Span), default);
                }

                var w = _t.Word(k);
                if (!_t[k].IsWord || w is "the" or "a" or "an" or "this" or "that" || ClauseReaderBoundary(w))
                {
                    break;
                }
            }

            // Agent: "an attack by the Iranian regime", "the attack on the base was carried out by X".
            for (var k = end; k < b && k < end + 9; k++)
            {
                if (!_t[k].IsWord)
                {
                    break;
                }

                if (_t.Word(k) == "by")
                {
                    var agent = ActorAfter(k + 1, Math.Min(b, k + 6), null);
                    if (agent.Found)
                    {
                        return (agent, default);
                    }
                }
            }

            // Object of a verb: "Maksimov extended an invitation", "Iraq's parliament passed a resolution".
            var v = start - 1;
            var skipped = 0;
            while (v >= a && skipped < 4 && _t[v].IsWord && _t.MentionAt(v) is null && !IsVerbLike(_t.Word(v)))
            {
                v--;
                skipped++;
            }

            if (v >= a && IsVerbLike(_t.Word(v)))
            {
                var subj = reader.SubjectOf(v, a);
                if (subj.Found)
                {
                    return (subj, default);
                }
            }

            // A sentence-initial phrase: "In a phone call with X, Lavrov said ...".
            if (_t.Word(a) is "in" or "during" or "at" && start < b && code.StartsWith("04", StringComparison.Ordinal))
            {
                var comma = start;
                while (comma < b && _t.Word(comma) != ",")
                {
                    comma++;
                }

                if (comma + 1 < b)
                {
                    var subject = ActorAfter(comma + 1, Math.Min(b, comma + 8), null);
                    var target = ActorAfter(end, comma, subject.Actor);
                    return (subject, target);
                }
            }

            return (default, default);
        }

        // Verbs two sides do together: "X and Y agreed / exchanged prisoners / swapped detainees".
        private static bool IsJointVerb(string w) =>
            w.StartsWith("agree", StringComparison.Ordinal) || w.StartsWith("exchang", StringComparison.Ordinal) || w.StartsWith("swap", StringComparison.Ordinal);

        private static bool ClauseReaderBoundary(string w) =>
            w is "of" or "for" or "with" or "to" or "in" or "at" or "on" or "from" or "against" or "and" or "or" or "by";

        private static bool IsVerbLike(string w) =>
            w is "passed" or "adopted" or "held" or "made" or "launched" or "extended" or "issued" or "announced" or "conducted"
                or "carried" or "approved" or "offered" or "sent" or "had" or "has" or "have" or "took" or "gave"
                or "ordered" or "followed" or "hosted";

        private Referent ActorAfter(int from, int b, ActorEntity? not) => ActorAfter(from, b, not, out _);

        private Referent ActorAfter(int from, int b, ActorEntity? not, out int endToken)
        {
            for (var k = from; k < b; k++)
            {
                if (_t.MentionAt(k) is { } m && !ReferenceEquals(m.Actor, not) && m.Actor.Kind != ActorKinds.Location)
                {
                    endToken = reader.LastTokenOf(m, k) + 1;
                    return new Referent(m.Actor, m.Span);
                }

                if (_t.Word(k) is ";" || ClauseStops.Contains(_t.Word(k)))
                {
                    break;
                }
            }

            endToken = from;
            return default;
        }

        // "pledging to help the country", "vowed to stand by the kingdom": the country named last before the
        // trigger, other than the source's own.
        private Referent TheCountry(int end, int b, int start, ActorEntity source)
        {
            var k = end;
            while (k < b && k < end + 3 && _t.Word(k) != "the" && _t[k].IsWord)
            {
                k++;
            }

            if (_t.Word(k) != "the" || _t.Word(k + 1) is not ("country" or "nation" or "kingdom" or "republic"))
            {
                return default;
            }

            for (var j = start - 1; j >= 0; j--)
            {
                if (_t.MentionAt(j) is { } m && m.Actor.Kind == ActorKinds.Country && !ReferenceEquals(m.Actor, source)
                    && (source.Country is null || m.Actor.Country != source.Country))
                {
                    return new Referent(m.Actor, null);
                }
            }

            return default;
        }

        // ", the Pentagon said." / ", a ministry statement said on Monday.": who told the news is no side of it.
        private bool TrailingAttribution(int comma, int b)
        {
            for (var k = comma + 1; k < b && k <= comma + 8; k++)
            {
                if (_t.Word(k) is "said" or "says" or "reported" or "announced" or "added")
                {
                    return b - k <= 5;
                }

                if (!_t[k].IsWord)
                {
                    return false;
                }
            }

            return false;
        }

        private Referent FindTarget(int from, int b, ActorEntity? source)
        {
            Referent fallback = default;
            for (var k = from; k < b; k++)
            {
                var w = _t.Word(k);
                if (w is ";" || TargetStops.Contains(w) || (w == "," && TrailingAttribution(k, b)) || (w == "," && (ClauseStops.Contains(_t.Word(k + 1)) || _t.Word(k + 1).EndsWith("ing", StringComparison.Ordinal))) || (w == "," && _t.Word(k + 1) == "and"))
                {
                    break;
                }

                if (_t.MentionAt(k) is not { } m)
                {
                    continue;
                }

                var first = reader.FirstTokenOf(m, k);
                k = reader.LastTokenOf(m, k);
                var actor = m.Actor;
                if (ReferenceEquals(actor, source) || actor.Kind is ActorKinds.Location or ActorKinds.Media)
                {
                    continue;
                }

                // "Pompeo said Washington ...": a speaker's own country is not the other side.
                if (source is not null && actor.Kind == ActorKinds.Country && actor.Country is not null && actor.Country == source.Country)
                {
                    continue;
                }

                // A demonym before a name ("French President Emmanuel Macron"): the person is the target.
                if (m.Type == MentionType.Demonym && k + 1 < b && _t.MentionAt(k + 1) is { } next && next.Actor.Kind == ActorKinds.Person)
                {
                    continue;
                }

                if (first > from && _t.Word(first - 1) is "in" or "inside" or "near" or "at" && actor.Kind == ActorKinds.Country)
                {
                    if (!fallback.Found)
                    {
                        fallback = new Referent(actor, m.Span);
                    }

                    continue;
                }

                return new Referent(actor, m.Span);
            }

            return fallback;
        }

        private string? FindLocation(int a, int b, int after)
        {
            string? best = null;
            for (var k = a; k < b - 1; k++)
            {
                if (_t.Word(k) is not ("in" or "near" or "at" or "outside"))
                {
                    continue;
                }

                var j = k + 1;
                if (_t.Word(j) == "the")
                {
                    j++;
                }

                if (j >= b)
                {
                    break;
                }

                string? place = null;
                if (_t.MentionAt(j) is { } m && m.Actor.Kind is ActorKinds.Location or ActorKinds.Country)
                {
                    place = m.Text;
                    var last = reader.LastTokenOf(m, j);
                    if (last + 1 < b && _t.Word(last + 1) is "airport" or "province" or "base" or "embassy")
                    {
                        place = _text[m.Span.Start.._t[last + 1].End];
                    }
                }
                else if (_t[j].IsWord && char.IsUpper(_text[_t[j].Start]) && !reader.IsTimex(j) && _t.MentionAt(j) is null)
                {
                    var e = j;
                    while (e + 1 < b && _t[e + 1].IsWord && (char.IsUpper(_text[_t[e + 1].Start]) || _t.Word(e + 1) is "al" or "of"))
                    {
                        e++;
                    }

                    place = _text[_t[j].Start.._t[e].End];
                }

                if (place is not null)
                {
                    best ??= place;
                    if (k >= after)
                    {
                        return place;
                    }
                }
            }

            return best;
        }

        private string Summarize(Referent src, Referent tgt, Span trigger, Span sentence)
        {
            var start = src.Span is { } ss && sentence.Contains(ss) && ss.Start <= trigger.Start ? ss.Start : trigger.Start;
            var end = tgt.Span is { } ts && sentence.Contains(ts) && ts.End > trigger.End ? ts.End : trigger.End;
            var text = Collapse(_text[start..end]);
            if (start == trigger.Start && src.Actor is not null)
            {
                text = src.Actor.Name + " " + text;
            }

            var targetShown = tgt.Actor is null || end != trigger.End || (tgt.Span is { } inside && trigger.Contains(inside));
            if (text.Length > 160 || !targetShown)
            {
                text = $"{src.Actor?.Name} {Collapse(trigger.Slice(_text))}{(tgt.Actor is null ? "" : " " + tgt.Actor.Name)}";
            }

            return text;
        }

        private static string Collapse(string s)
        {
            var sb = new StringBuilder(s.Length);
            var space = false;
            foreach (var c in s)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(c);
            }

            return sb.ToString();
        }

        private void CodeStatement(Statement st)
        {
            if (st.Speaker is null || st.CueSpan is not { } cue)
            {
                return;
            }

            // A statement that already carries an event ("Lavrov said Moscow was ready to help") is coded by it.
            var evidence = st.Evidence;
            if (_events.Any(e => st.Content.Contains(e.Trigger.Start) || (ReferenceEquals(e.Source, st.Speaker) && evidence.Overlaps(e.Evidence))))
            {
                return;
            }

            ActorEntity? target = null;
            if (st.Addressee is { } ad && ad.Kind is not (ActorKinds.Media or ActorKinds.Location) && !ReferenceEquals(ad, st.Speaker)
                && !IsPressAudience(ad) && (ad.Country is null || ad.Country != st.Speaker.Country))
            {
                target = ad;
            }

            if (target is null)
            {
                var a = _t.IndexAtOrAfter(st.Content.Start);
                var b = _t.IndexAtOrAfter(st.Content.End);
                for (var k = a; k < b; k++)
                {
                    if (_t.MentionAt(k) is { } m && !ReferenceEquals(m.Actor, st.Speaker)
                        && m.Actor.Kind is not (ActorKinds.Location or ActorKinds.Media) && !IsPressAudience(m.Actor)
                        && (m.Actor.Country is null || m.Actor.Country != st.Speaker.Country))
                    {
                        target = m.Actor;
                        break;
                    }
                }
            }

            // Undirected remarks are coded only for people speaking on the record; a group's or an office's
            // report of facts ("the military said it suffered no casualties") is not an interaction.
            if (target is null && (st.Direct || st.Speaker.Kind != ActorKinds.Person))
            {
                return;
            }

            // An undirected remark by "he"/"she" ("He added that Erbil had been exporting ...") goes on with the
            // speaker's earlier words, and "according to an official" names where a fact came from: neither is a
            // new act.
            if (target is null && ((_t.IndexAtOrAfter(cue.Start) is var ci && ci > 0 && _t.Word(ci - 1) is "he" or "she" or "they")
                || (st.Cue is { } cw && cw.StartsWith("accord", StringComparison.OrdinalIgnoreCase))))
            {
                return;
            }

            var code = st.Cue is { } c && c.StartsWith("den", StringComparison.OrdinalIgnoreCase) ? "016" : "010";
            var words = _t.Items.Skip(_t.IndexAtOrAfter(st.Content.Start)).TakeWhile(x => x.Start < st.Content.End).Select(x => x.Lower).ToList();
            if (code != "010")
            {
                // A denial keeps its own code.
            }
            else if (OnTrack(words))
            {
                code = "013";
            }
            else if (words.Any(Condemnatory.Contains))
            {
                code = "111";
            }
            else if (words.Any(Accusatory.Contains))
            {
                code = "112";
            }
            else if (words.Any(Pessimistic.Contains))
            {
                code = "012";
            }
            else if (words.Any(Optimistic.Contains))
            {
                code = "013";
            }

            // "Pompeo blamed Iran-backed militias ... and warned that Washington would hold Tehran accountable.
            // 'Iran's proxies are the greatest threat ...,' Pompeo wrote.": a plain remark right after the speaker's
            // own act on another side restates it.
            if (target is not null && code is "010" or "012" or "013"
                && _events.Any(e => e.Rule != "statement" && ReferenceEquals(e.Source, st.Speaker) && e.Target is not null
                    && e.Evidence.End <= evidence.Start && evidence.Start - e.Evidence.End < 4))
            {
                return;
            }

            var cameo = codebook[code];
            var speakerName = st.Speaker.Name;
            var summary = $"{speakerName} {Collapse(cue.Slice(_text))}{(target is null ? "" : " (to " + target.Name + ")")}: {Shorten(st.Text)}";
            _events.Add(new CodedEvent
            {
                Code = cameo,
                Source = st.Speaker,
                Target = target,
                Evidence = evidence,
                Trigger = cue,
                Modality = "asserted",
                Reported = false,
                Location = null,
                Summary = summary,
                Date = dater?.DateFor(evidence, cue, false),
                Rule = "statement",
            });
        }

        // Reporters and news agencies hear statements; they are not the other side of them.
        private static bool IsPressAudience(ActorEntity actor) =>
            actor.Kind == ActorKinds.Media
            || actor.Name.Contains("reporter", StringComparison.OrdinalIgnoreCase)
            || actor.Name.Contains("journalist", StringComparison.OrdinalIgnoreCase)
            || actor.Name.Contains("Associated Press", StringComparison.OrdinalIgnoreCase)
            || actor.Name.Contains("news agency", StringComparison.OrdinalIgnoreCase);

        // "on the right track", "on track", "in the right direction": progress, whatever else the sentence worries about.
        private static bool OnTrack(List<string> words)
        {
            for (var k = 1; k < words.Count; k++)
            {
                if ((words[k] == "track" && words[k - 1] is "on" or "right") || (words[k] == "direction" && words[k - 1] == "right"))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Shorten(string s)
        {
            var c = Collapse(s);
            return c.Length <= 100 ? c : c[..100].TrimEnd() + "…";
        }
    }
}
