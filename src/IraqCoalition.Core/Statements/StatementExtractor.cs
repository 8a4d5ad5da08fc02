using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Temporal;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Statements;

/// <summary>
/// Finds who said what. Direct quotes are attributed by the cue next to them ("..., X said",
/// "said X", "X said: ..."), split quotes are joined, and a quote that follows an attributed one
/// inherits its speaker. Reported speech is the clause after a speech verb ("X said (that) ...",
/// "X told reporters that ...", "..., saying ...", "according to X", "..., the statement said").
/// A quote inside reported speech is part of that statement unless it is nearly all of it.
/// </summary>
public static class StatementExtractor
{
    private static readonly HashSet<string> StrongCues = new(StringComparer.Ordinal)
    {
        "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "warned", "warns", "acknowledged",
        "acknowledges", "announced", "announces", "insisted", "insists", "stressed", "stresses", "emphasized",
        "emphasised", "emphasizes", "explained", "explains", "argued", "argues", "asserted", "declared", "confirmed",
        "confirms", "noted", "claimed", "stated", "contended", "admitted", "admits", "conceded", "cautioned",
        "complained", "predicted", "reiterated", "maintained", "replied", "suggested", "tweeted", "posted",
        "recalled", "observed", "cautions", "declares", "denied", "denies", "vowed", "pledged", "promised",
    };

    // Words that are nouns as often as verbs: a cue only with a "that" clause.
    private static readonly HashSet<string> WeakCues = new(StringComparer.Ordinal)
    {
        "notes", "claims", "states", "reports", "reported", "believes", "believed", "thinks", "thought", "hopes",
        "hoped", "feared", "fears", "agreed", "agrees", "indicated", "indicates", "signaled", "signalled", "stated",
    };

    private static readonly HashSet<string> ParticipleCues = new(StringComparer.Ordinal)
    {
        "saying", "adding", "warning", "noting", "stressing", "calling", "insisting", "arguing", "explaining",
        "declaring", "asserting", "claiming", "acknowledging", "emphasizing", "emphasising", "describing", "telling",
    };

    // ", speaking alongside X", ", citing security concerns": the reporter's frame after the content, not said.
    private static readonly HashSet<string> Asides = new(StringComparer.Ordinal)
    {
        "speaking", "appearing", "standing", "referring", "citing",
    };

    // "described X as “...”": the quote is the subject's label for X.
    private static readonly HashSet<string> LabelAsVerbs = new(StringComparer.Ordinal)
    {
        "described", "describes", "condemned", "condemns", "denounced", "denounces", "dismissed", "dismisses", "rejected",
        "rejects", "hailed", "hails", "praised", "criticized", "criticised", "branded", "brands", "labeled", "labelled",
        "characterized", "characterised", "portrayed", "slammed", "decried", "welcomed",
    };

    // "called the strike “a crime”": the label follows the object directly.
    private static readonly HashSet<string> NamingVerbs = new(StringComparer.Ordinal)
    {
        "called", "calls", "branded", "brands", "labeled", "labelled", "termed", "terms", "dubbed",
    };

    // Plural present forms ("officials say", "Iraqi officials insist").
    private static readonly HashSet<string> BaseFormCues = new(StringComparer.Ordinal)
    {
        "say", "insist", "warn", "argue", "deny", "acknowledge", "admit", "stress", "maintain", "contend", "claim",
        "hope", "fear", "believe", "note",
    };

    // Verbs that attribute a quote next to them ("“Why now?” she asked") but mean other things elsewhere
    // ("asked not to be named", "responded to the attack").
    private static readonly HashSet<string> QuoteOnlyCues = new(StringComparer.Ordinal)
    {
        "asked", "asks", "responded", "responds", "continued", "continues", "joked", "quipped", "shouted", "wondered",
    };

    // Speech verbs that may name their listener first: "warned Tehran that ...", "assured them that ...".
    private static readonly HashSet<string> AddresseeCues = new(StringComparer.Ordinal)
    {
        "warned", "warns", "assured", "assures", "reminded", "reminds", "informed", "informs", "cautioned", "cautions",
    };

    // Speech verbs that as often take a plain object ("confirmed the talks", "announced a ceasefire"): speech only
    // with a "that" clause or a finite verb soon after.
    private static readonly HashSet<string> NounObjectCues = new(StringComparer.Ordinal)
    {
        "denied", "denies", "confirmed", "confirms", "announced", "announces", "acknowledged", "acknowledges", "admitted",
        "admits", "pledged", "promised", "vowed", "predicted", "reiterated", "recalled", "deny", "acknowledge", "admit",
        "claimed", "posted", "tweeted", "wrote", "writes", "declared", "declares", "stressed", "stresses", "emphasized",
        "emphasised", "emphasizes",
    };

    private static readonly HashSet<string> FiniteVerbs = new(StringComparer.Ordinal)
    {
        "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should",
        "must", "did", "does", "do", "shall",
    };

    private static readonly HashSet<string> ExpressedObjects = new(StringComparer.Ordinal)
    {
        "concern", "concerns", "hope", "hopes", "regret", "confidence", "doubt", "doubts", "alarm", "optimism",
        "fear", "fears", "satisfaction", "frustration", "dismay",
    };

    private static readonly HashSet<string> ContentSkips = new(StringComparer.Ordinal)
    {
        "on", "later", "earlier", "recently", "also", "this", "last", "week", "month", "yesterday", "today",
        "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "again",
        "repeatedly", "publicly", "privately", "separately", "afterward", "afterwards", "then", "previously",
    };

    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "in", "at", "near", "with", "from", "to", "of", "by", "for", "against", "on", "between", "among", "after",
        "before", "during", "about", "over", "under", "than", "into", "toward", "towards", "following",
    };

    public static IReadOnlyList<Statement> Extract(TextDocument doc, ActorAnalysis actors, IReadOnlyList<TemporalExpression>? timexes = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(actors);
        var reader = new ClauseReader(new WordTokens(doc, actors), timexes ?? []);
        return Extract(reader);
    }

    internal static List<Statement> Extract(ClauseReader reader)
    {
        var run = new Reader(reader);
        for (var s = 0; s < reader.Tokens.Doc.Sentences.Count; s++)
        {
            run.ReadSentence(s);
        }

        return run.Finish();
    }

    // Unclosed: a quote running to the end of its paragraph, continued by the next paragraph's opening mark.
    private readonly record struct Quote(int Open, int Close, bool Unclosed = false);

    /// <summary>Reads statements sentence by sentence, so the pipeline can interleave event reading.</summary>
    internal sealed class Reader
    {
        private readonly ClauseReader reader;

        public Reader(ClauseReader clauses)
        {
            reader = clauses;
            _t = clauses.Tokens;
            _text = clauses.Tokens.Doc.Text;
            FindQuotes();
        }

        private readonly WordTokens _t;
        private readonly string _text;
        private readonly List<Quote> _quotes = [];
        private readonly HashSet<int> _usedQuotes = [];

        public List<Statement> Result { get; } = [];

        public List<Statement> Finish()
        {
            AttributeContinuations();
            Result.Sort((a, b) => a.Content.Start.CompareTo(b.Content.Start));
            return Result;
        }

        private void FindQuotes()
        {
            var doc = _t.Doc;
            var open = -1;
            Span? paragraph = null;
            for (var i = 0; i < _t.Count; i++)
            {
                var tok = _t[i];
                if (tok.Kind != WordTokenKind.Quote)
                {
                    continue;
                }

                var p = doc.ParagraphAt(tok.Start);
                var c = _text[tok.Start];
                if (p != paragraph)
                {
                    // Newswire leaves a quote open at a paragraph end when the next paragraph goes on quoting.
                    if (open >= 0 && i > 0 && c is '\u201C' or '"' && doc.ParagraphAt(_t[i - 1].Start) == paragraph && i - 1 > open + 1)
                    {
                        _quotes.Add(new Quote(open, i - 1, Unclosed: true));
                    }

                    paragraph = p;
                    open = -1;
                }

                var isOpen = c switch
                {
                    '\u201C' or '\u00AB' => true,
                    '\u201D' or '\u00BB' => false,
                    _ => open < 0,
                };
                if (isOpen)
                {
                    open = i;
                }
                else if (open >= 0)
                {
                    _quotes.Add(new Quote(open, i));
                    open = -1;
                }
            }
        }

        private int QuoteClosingAt(int tok) => _quotes.FindIndex(q => q.Close == tok && !q.Unclosed);

        private int QuoteOpeningAt(int tok) => _quotes.FindIndex(q => q.Open == tok);

        private Span QuoteContent(Quote q) => Trim(_t[q.Open].End, q.Unclosed ? _t[q.Close].End : _t[q.Close].Start);

        private Span Trim(int start, int end)
        {
            while (start < end && (char.IsWhiteSpace(_text[start]) || _text[start] is ':' or ','))
            {
                start++;
            }

            while (end > start && (char.IsWhiteSpace(_text[end - 1]) || _text[end - 1] is ',' or ';' or ':' or '.' or '"' or '\u201D' or '\u2019' or '\u2014' or '-'))
            {
                if (_text[end - 1] == '.' && end - start > 1 && end - 2 >= 0 && _text[end - 2] == '.')
                {
                    // Keep an ellipsis: it is part of what was said.
                    break;
                }

                end--;
            }

            return new Span(start, end);
        }

        private bool InsideExisting(int offset)
        {
            foreach (var r in Result)
            {
                // A cue's own words ("expressed hope") and what stands between it and its content ("said in a
                // statement posted on Twitter that") are not a second cue.
                if (r.Content.Contains(offset) || (r.CueSpan is { } c && offset >= c.Start && offset < Math.Max(c.End, r.Content.Start)))
                {
                    return true;
                }
            }

            return false;
        }

        public void ReadSentence(int s)
        {
            var a = _t.SentenceStart(s);
            var b = _t.SentenceEnd(s);
            ReadCues(s, a, b);
            for (var qi = 0; qi < _quotes.Count; qi++)
            {
                if (_quotes[qi].Open >= a && _quotes[qi].Open < b && !_usedQuotes.Contains(qi))
                {
                    TryQuotedLabel(qi, a, b);
                }
            }
        }

        private void TryQuotedLabel(int qi, int a, int b)
        {
            // "condemned the incursion as “a blatant aggression”", "called the strike “a crime”", "accused Russia of
            // “aggressive actions”": the subject's own words for something, quoted.
            var q = _quotes[qi];
            var verb = -1;
            var p = _t.Word(q.Open - 1) is "a" or "an" ? q.Open - 2 : q.Open - 1;
            var linked = _t.Word(p) is "as" or "of";
            for (var k = p - (linked ? 1 : 0); k >= a && k >= p - 8; k--)
            {
                if (!_t[k].IsWord)
                {
                    return;
                }

                var w = _t.Word(k);

                // "called on Baghdad to take “a firm position”" is a demand; a label follows a short object.
                if (!linked && (Prepositions.Contains(w) || p - k > 4))
                {
                    return;
                }

                if ((linked && _t.Word(p) == "as" && LabelAsVerbs.Contains(w)) || (linked && _t.Word(p) == "of" && w is "accused" or "accuses")
                    || (!linked && NamingVerbs.Contains(w)))
                {
                    verb = k;
                    break;
                }
            }

            if (verb < 0 || !char.IsLower(_text[_t[verb].Start]))
            {
                return;
            }

            var speaker = reader.SubjectOf(verb, a);
            if (!speaker.Found && IsConjoined(verb, a))
            {
                speaker = SpeakerSoFar(_t[verb].Sentence, verb, a);
            }

            if (!speaker.Found)
            {
                return;
            }

            // The quoted words and the rest of their phrase ("“a blatant aggression” against Syria's sovereignty"),
            // up to a clause break or a second verb ("and accused Washington of ...").
            var end = q.Close + 1;
            while (!q.Unclosed && end < b && _t[end].IsWord && !(_t.Word(end) is "and" or "but" or "after" or "before" or "while" or "because"))
            {
                end++;
            }

            var content = end > q.Close + 1 ? Trim(_t[q.Open].End, _t[end - 1].End) : QuoteContent(q);
            _usedQuotes.Add(qi);
            Add(speaker, content, true, verb, verb + 1);
        }

        private void ReadCues(int s, int a, int b)
        {
            for (var i = a; i < b; i++)
            {
                var tok = _t[i];
                if (!tok.IsWord || InsideExisting(tok.Start))
                {
                    continue;
                }

                var w = tok.Lower;
                if (w == "according" && _t.Word(i + 1) == "to")
                {
                    TryAccordingTo(s, i, a, b);
                }
                else if (ParticipleCues.Contains(w) && i > a && _t.Word(i - 1) == ",")
                {
                    TryParticiple(s, i, a, b);
                }
                else if (w is "expressed" or "expresses" or "voiced" && ExpressedObjects.Contains(_t.Word(i + 1)))
                {
                    TryFinite(s, i, i + 2, a, b, requireThat: true);
                }
                else if (w is "saying" && _t.Word(i - 1) is "statement" or "communique" or "letter" or "message")
                {
                    // "issued a joint statement saying ...": the issuer, as for ", saying".
                    TryParticiple(s, i, a, b);
                }
                else if (w is "saying" && _t.Word(i - 1) == "as" && _t.Word(i - 2) is "quoted" or "cited")
                {
                    TryQuotedAsSaying(i, a, b);
                }
                else if ((StrongCues.Contains(w) || WeakCues.Contains(w)) && char.IsLower(_text[tok.Start]) && !Negated(i))
                {
                    TryFinite(s, i, i + 1, a, b, requireThat: WeakCues.Contains(w));
                }
                else if (BaseFormCues.Contains(w) && char.IsLower(_text[tok.Start])
                    && _t.Word(i - 1) is not ("to" or "not" or "n't" or "did" or "does" or "do" or "would" or "could" or "will" or "can" or "may" or "might" or "should" or "must"))
                {
                    // "U.S. officials say ...": a plural subject; after "to" or an auxiliary ("refused to say whether")
                    // the verb is not itself reporting anything.
                    TryFinite(s, i, i + 1, a, b, requireThat: w is "hope" or "fear" or "believe" or "claim" or "note");
                }
                else if (QuoteOnlyCues.Contains(w) && char.IsLower(_text[tok.Start]) && FindQuoteBefore(i, a) >= 0)
                {
                    TryFinite(s, i, i + 1, a, b, requireThat: true);
                }
            }
        }

        // "Iran has not said whether ...", "never said": nothing was said.
        private bool Negated(int cue) => _t.Word(cue - 1) is "not" or "never" or "n't";

        private Span SentenceSpan(int s) => _t.Doc.Sentences[s];

        private Span EvidenceFor(Span content, Span cue)
        {
            var doc = _t.Doc;
            var s1 = doc.SentenceIndexAt(Math.Min(content.Start, cue.Start));
            var s2 = doc.SentenceIndexAt(Math.Max(content.End - 1, cue.End - 1));
            if (s1 < 0 || s2 < 0)
            {
                return new Span(Math.Min(content.Start, cue.Start), Math.Max(content.End, cue.End));
            }

            return new Span(doc.Sentences[s1].Start, doc.Sentences[s2].End);
        }

        private void Add(Referent speaker, Span content, bool direct, int cueStart, int cueEnd, ActorEntity? addressee = null)
        {
            if (!speaker.Found || content.Length == 0 || Words(content) < 2)
            {
                return;
            }

            var cue = new Span(_t[cueStart].Start, _t[cueEnd - 1].End);
            content = SkipDateline(content);
            reader.LastSpeaker = (speaker.Actor, Math.Max(content.End, cue.End));
            Result.Add(new Statement
            {
                Speaker = speaker.Actor,
                Content = content,
                Text = content.Slice(_text),
                Direct = direct,
                Cue = cue.Slice(_text),
                CueSpan = cue,
                SpeakerSpan = speaker.Span,
                Addressee = addressee,
                Evidence = EvidenceFor(content, cue),
            });
        }

        private Span SkipDateline(Span content)
        {
            // "BAGHDAD — Iraq's parliament voted ...": the dateline is not part of what was said.
            var i = content.Start;
            while (i < content.End && (char.IsUpper(_text[i]) || _text[i] is ' ' or ',' or '.' or '\''))
            {
                i++;
            }

            // "ERBIL, Iraq (Reuters) - ...": a place and an agency credit before the dash.
            if (i - content.Start >= 3 && (i >= content.End || _text[i] is not ('\u2014' or '\u2013' or '-')))
            {
                var dash = _text.IndexOf(" \u2014 ", i, Math.Min(50, content.End - i), StringComparison.Ordinal);
                dash = dash >= 0 ? dash : _text.IndexOf(" - ", i, Math.Min(50, content.End - i), StringComparison.Ordinal);
                dash = dash >= 0 ? dash : _text.IndexOf(" \u2013 ", i, Math.Min(50, content.End - i), StringComparison.Ordinal);
                if (dash > 0 && (_text[dash - 1] == ')' || IsPlaceLine(content.Start, dash)) && _text.AsSpan(content.Start, dash - content.Start).IndexOfAny('"', '\u201C') < 0)
                {
                    i = dash + 1;
                }
            }

            if (i - content.Start >= 3 && i + 1 < content.End && _text[i] is '\u2014' or '\u2013' or '-' && _text[i - 1] == ' ')
            {
                i++;
                while (i < content.End && char.IsWhiteSpace(_text[i]))
                {
                    i++;
                }

                return new Span(i, content.End);
            }

            return content;
        }

        // "DAMASCUS, Syria": capitalised words and commas only.
        private bool IsPlaceLine(int start, int end)
        {
            var wordStart = true;
            for (var i = start; i < end; i++)
            {
                var c = _text[i];
                if (wordStart && char.IsLetter(c) && !char.IsUpper(c))
                {
                    return false;
                }

                if (!(char.IsLetter(c) || c is ' ' or ',' or '.' or '\''))
                {
                    return false;
                }

                wordStart = c is ' ';
            }

            return true;
        }

        private int Words(Span span)
        {
            var n = 0;
            var inWord = false;
            for (var i = span.Start; i < span.End; i++)
            {
                var l = char.IsLetterOrDigit(_text[i]);
                if (l && !inWord)
                {
                    n++;
                }

                inWord = l;
            }

            return n;
        }

        private void TryFinite(int s, int cue, int afterCue, int a, int b, bool requireThat)
        {
            var w = _t.Word(cue);

            // Quote attribution after the quote: "...,” said the official" / "...,” Milley said".
            var close = FindQuoteBefore(cue, a);
            if (close >= 0)
            {
                var qi = QuoteClosingAt(close);
                if (qi >= 0 && !_usedQuotes.Contains(qi))
                {
                    var speaker = close == cue - 1 ? reader.NounPhraseAt(afterCue, b) : reader.NounPhraseAt(close + 1, cue);
                    if (speaker.Found)
                    {
                        _usedQuotes.Add(qi);
                        var content = QuoteContent(_quotes[qi]);

                        // Split quote: "“A,” he said, “B.”" gives A and B, both the speaker's; a content span is
                        // contiguous, and one running from A to B would put the attribution into the quote.
                        var next = NextTokenAfterSpeaker(close == cue - 1 ? afterCue : cue + 1, b);
                        Add(speaker, content, true, cue, afterCue);
                        if (next >= 0 && _t.Word(next) == "," && QuoteOpeningAt(next + 1) is var q2 and >= 0 && !_usedQuotes.Contains(q2))
                        {
                            _usedQuotes.Add(q2);
                            Add(speaker, QuoteContent(_quotes[q2]), true, cue, afterCue);
                        }

                        return;
                    }
                }
            }

            // "warned Iran of consequences", "warned Tehran that ...": the name after the verb is the listener.
            var toListener = w is "told" or "tells" || (AddresseeCues.Contains(w) && TakesListener(afterCue, b));
            if (toListener && IsDirective(afterCue, b))
            {
                return;
            }

            // Reported speech at the end of the sentence: "..., the Kremlin said." / "..., said the official."
            if (TryTrailingAttribution(s, cue, afterCue, a, b))
            {
                return;
            }

            var subject = reader.SubjectOf(cue, a);
            if (!subject.Found && _t.Word(cue - 1) is "statement" or "letter" && _t.Word(cue - 2) == "the" && s > 0)
            {
                // "X condemned the strike in a statement. The statement added that ...": X issued it.
                subject = IssuerInSentence(s - 1, _t.Word(cue - 1));
            }
            if (_t.Word(cue - 1) is "which" or "who" && _t.Word(cue - 2) == "," && _t.MentionAt(cue - 3) is { } antecedent
                && antecedent.Actor.Kind != ActorKinds.Location)
            {
                // "welcomed by Iraq's Oil Ministry, which said in a statement that ...": the antecedent speaks.
                subject = new Referent(antecedent.Actor, antecedent.Span);
            }

            if (!subject.Found && IsConjoined(cue, a))
            {
                // "X blamed the militias and warned that ...": a conjoined verb shares the first verb's subject.
                subject = SpeakerSoFar(s, cue, a);
            }

            if (!subject.Found && _t.Word(cue - 1) is "," && reader.NounPhraseAt(afterCue, b) is { Found: true })
            {
                return;
            }

            // Attribution inside the sentence: "The strike, Esper said, was defensive." The content is the
            // sentence around it; a span must be contiguous, so it holds the attribution words too.
            if (subject.Span is { } subj && _t.Word(afterCue) == "," && !toListener
                && CommaBeforeName(_t.IndexAtOrAfter(subj.Start), a) is var open && open > a + 1)
            {
                AddReported(subject, a, b, cue, afterCue, null);
                return;
            }

            var start = afterCue;
            var explicitThat = false;
            ActorEntity? addressee = null;
            if (toListener)
            {
                // "told reporters/the chamber/the Associated Press (this week) that ...": the addressee, then the clause.
                var that = -1;
                for (var k = afterCue; k < Math.Min(b, afterCue + 12); k++)
                {
                    if (_t.Word(k) == "that")
                    {
                        that = k;
                        break;
                    }

                    addressee ??= _t.MentionAt(k)?.Actor;
                    if (_t.Word(k) is "," or ";" || (_t[k].Kind == WordTokenKind.Quote && k > afterCue))
                    {
                        break;
                    }
                }

                if (that < 0)
                {
                    if (_t[Math.Min(afterCue, b - 1)].Kind == WordTokenKind.Quote || _t.Word(afterCue) == ":")
                    {
                        start = afterCue;
                    }
                    else if (QuoteAfterAddressee(afterCue, b) is var quoteStart and >= 0)
                    {
                        // "told reporters: “We are ready.”"
                        start = quoteStart;
                    }
                    else if (ClauseAfterAddressee(afterCue, b) is var clause and >= 0)
                    {
                        // "told Iraqi officials American forces would be repositioning": "that" left out.
                        start = clause;
                    }
                    else
                    {
                        return;
                    }
                }
                else
                {
                    start = that + 1;
                    explicitThat = true;
                }
            }
            else
            {
                start = SkipToContent(afterCue, b);

                // "denied any role in the attack" or "confirmed the talks" acts on a thing (an event); "denied (that) it
                // was involved" reports speech.
                if (NounObjectCues.Contains(w) && _t.Word(start) is not ("that" or ":" or ",") && _t[start].Kind != WordTokenKind.Quote && !FiniteVerbSoon(start, b))
                {
                    return;
                }

                if (requireThat)
                {
                    if (_t.Word(start) != "that")
                    {
                        return;
                    }
                }

                if (_t.Word(start) == "that")
                {
                    start++;
                    explicitThat = true;
                }
            }

            if (start < b && _t.Word(start) is ":" or ",")
            {
                start++;
            }

            if (start >= b || !subject.Found)
            {
                return;
            }

            // Direct quote right after the cue: "X said: “...”".
            if (_t[start].Kind == WordTokenKind.Quote && QuoteOpeningAt(start) is var qo and >= 0 && !_usedQuotes.Contains(qo))
            {
                _usedQuotes.Add(qo);
                Add(subject, QuoteContent(_quotes[qo]), true, cue, afterCue, addressee);
                return;
            }

            if (!explicitThat && !LooksLikeClause(start, b))
            {
                return;
            }

            var end = ContentEnd(start, b);
            AddReported(subject, start, end, cue, afterCue, addressee);
        }

        private void AddReported(Referent speaker, int start, int end, int cue, int afterCue, ActorEntity? addressee)
        {
            if (end <= start)
            {
                return;
            }

            var content = Trim(_t[start].Start, _t[end - 1].End);
            var direct = false;

            // Quotes inside reported speech belong to it; a quote that is nearly all of it makes it direct.
            for (var qi = 0; qi < _quotes.Count; qi++)
            {
                var q = _quotes[qi];
                if (_t[q.Open].Start >= content.Start && _t[q.Open].Start < content.End)
                {
                    _usedQuotes.Add(qi);
                    var qc = QuoteContent(q);
                    if (qc.End <= content.End + 2 && Words(qc) >= 0.8 * Words(content))
                    {
                        content = qc;
                        direct = true;
                    }
                }
            }

            Add(speaker, content, direct, cue, afterCue, addressee);
        }

        private int FindQuoteBefore(int cue, int a)
        {
            // The close quote, with only the speaker's name (and an appositive after it) before the cue:
            // "“...,” Milley said", "“...,” Masrour Barzani, the prime minister of the region, told".
            // A quote ending in "?" or "!" closes the previous sentence: "“Why now?” she asked."
            var from = a > 1 && _t[a - 1].Kind == WordTokenKind.Quote && _t.Word(a - 2) is "?" or "!" ? a - 1 : a;
            for (var k = cue - 1; k >= from && k >= cue - 20; k--)
            {
                var tok = _t[k];
                if (tok.Kind == WordTokenKind.Quote)
                {
                    return QuoteClosingAt(k) >= 0 && (k == cue - 1 || _t[k + 1].IsWord) ? k : -1;
                }

                if (!tok.IsWord && tok.Lower is not ("," or "-") && !(tok.Lower == "." && k > a && _t[k - 1].IsWord))
                {
                    return -1;
                }
            }

            return -1;
        }

        private Referent IssuerInSentence(int s, string document)
        {
            var a = _t.SentenceStart(s);
            var b = _t.SentenceEnd(s);
            for (var k = a; k < b; k++)
            {
                if (_t.Word(k) == document && _t.Word(k - 1) is "a" or "an" && _t.Word(k - 2) is "in" or "issued" or "released")
                {
                    return MainSubject(a, k);
                }
            }

            return Referent.None;
        }

        private int CommaBeforeName(int nameStart, int a)
        {
            // Over a title in front of the name ("Defense Secretary Mark Esper") or an indefinite source's
            // determiner ("The talks, a senior Iraqi official said, ...").
            for (var k = nameStart - 1; k >= a && k >= nameStart - 4; k--)
            {
                if (_t.Word(k) == ",")
                {
                    return k;
                }

                if (!_t[k].IsWord || !(char.IsUpper(_text[_t[k].Start]) || _t.Word(k) is "a" or "an" or "the" or "senior" or "top"))
                {
                    return -1;
                }
            }

            return -1;
        }

        private bool TakesListener(int afterCue, int b)
        {
            // A listener is a name or object pronoun not followed by its own verb ("warned Iran would pay" has Iran speak of itself).
            var next = AfterAddressee(afterCue);
            return next >= 0 && (next >= b || !FiniteVerbs.Contains(_t.Word(next)));
        }

        /// <summary>The token after an addressee at <paramref name="afterCue"/> (a named actor, "him", "reporters" ...), or -1 when there is none.</summary>
        private int AfterAddressee(int afterCue) =>
            _t.MentionAt(afterCue) is { } m && m.Type != MentionType.Pronoun ? reader.LastTokenOf(m, afterCue) + 1
            : _t.Word(afterCue) is "him" or "her" or "them" or "us" or "reporters" or "journalists" ? afterCue + 1 // "Biden told him the United States would ..."
            : -1;

        private int QuoteAfterAddressee(int afterCue, int b)
        {
            for (var k = afterCue; k < Math.Min(b, afterCue + 10); k++)
            {
                if (_t[k].Kind == WordTokenKind.Quote)
                {
                    return k > afterCue && _t.Word(k - 1) is ":" or "," && QuoteOpeningAt(k) >= 0 ? k : -1;
                }

                if (!_t[k].IsWord && _t.Word(k) is not (":" or "," or "."))
                {
                    return -1;
                }
            }

            return -1;
        }

        private int ClauseAfterAddressee(int afterCue, int b)
        {
            var next = AfterAddressee(afterCue);
            if (next < 0)
            {
                return -1;
            }

            if (next >= b || !_t[next].IsWord || !(_t.MentionAt(next) is not null || char.IsUpper(_text[_t[next].Start]) || _t.Word(next) is "it" or "he" or "she" or "they" or "the"))
            {
                return -1;
            }

            for (var k = next; k < Math.Min(b, next + 6); k++)
            {
                if (_t.Word(k) is "would" or "will" or "was" or "were" or "had" or "has" or "have" or "is" or "are" or "could" or "should")
                {
                    return next;
                }
            }

            return -1;
        }

        private int NextTokenAfterSpeaker(int from, int b)
        {
            var k = from;
            while (k < b && (_t[k].IsWord || _t[k].Lower == "."))
            {
                k++;
            }

            return k < b ? k : -1;
        }

        private bool IsDirective(int afterCue, int b)
        {
            // "told its military not to seek ..." is an order, not reported speech.
            for (var k = afterCue; k < Math.Min(b, afterCue + 6); k++)
            {
                var w = _t.Word(k);
                if (w == "that" || !_t[k].IsWord)
                {
                    return false;
                }

                if (w == "to" || (w == "not" && _t.Word(k + 1) == "to"))
                {
                    return true;
                }
            }

            return false;
        }

        private bool TryTrailingAttribution(int s, int cue, int afterCue, int a, int b)
        {
            // Everything after the cue (and an inverted subject) must be the end of the sentence.
            var k = afterCue;
            Referent speaker = default;
            if (_t.Word(cue - 1) == "," && TryAppositiveAttribution(cue, afterCue, a, b))
            {
                return true;
            }

            if (_t.Word(cue - 1) == ",")
            {
                // ", said the official": only the speaker's name may follow the cue.
                if (_t.Word(cue) is "told" or "tells")
                {
                    return false;
                }

                speaker = reader.NounPhraseAt(afterCue, b);
                if (!speaker.Found)
                {
                    return false;
                }

                var limit = speaker.Span is { } sp ? _t.IndexAtOrAfter(sp.End) : afterCue + 3;
                while (k < b && k < limit && _t[k].IsWord)
                {
                    k++;
                }
            }
            else
            {
                var comma = -1;
                for (var j = cue - 1; j >= a && j >= cue - 10; j--)
                {
                    if (_t.Word(j) == ",")
                    {
                        comma = j;
                        break;
                    }

                    if (!_t[j].IsWord)
                    {
                        return false;
                    }
                }

                if (comma < 0 || comma <= a + 2)
                {
                    return false;
                }

                // "..., a claim Ankara denied.": the verb answers the sentence's claim; it does not report it.
                for (var j = comma + 1; j < cue; j++)
                {
                    if (_t.Word(j) is "claim" or "charge" or "accusation" or "allegation" or "assertion" or "version" or "move")
                    {
                        return false;
                    }
                }

                speaker = reader.NounPhraseAt(comma + 1, cue);
                if (!speaker.Found)
                {
                    speaker = SpokesmanOfNamedBody(comma + 1, cue, a, comma);
                }

                if (!speaker.Found)
                {
                    return false;
                }

                k = SkipToContent(k, b);

                if (!(k >= b || _t.Word(k) is "." or "," or ";" || (_t.Word(k) == "," && ParticipleCues.Contains(_t.Word(k + 1)))))
                {
                    return false;
                }

                // "..., officials said on Tuesday, deepening a crisis ...": a participle clause after the
                // attribution is the reporter's comment, so the sentence before the comma is still what was said.
                if (k < b && _t.Word(k) == "," && !ParticipleCues.Contains(_t.Word(k + 1)) && !IsParticiple(k + 1))
                {
                    return false;
                }

                AddReported(speaker, a, comma, cue, afterCue, null);
                return true;
            }

            if (!(k >= b || _t.Word(k) is "." or "," or ";"))
            {
                return false;
            }

            var c2 = cue - 1;
            if (c2 <= a + 2)
            {
                return false;
            }

            AddReported(speaker, a, c2, cue, afterCue, null);
            return true;
        }

        private int ThatWithin(int k, int b, int n)
        {
            for (var j = k; j < b && j < k + n; j++)
            {
                if (_t.Word(j) == "that")
                {
                    return j;
                }

                if (!_t[j].IsWord)
                {
                    return -1;
                }
            }

            return -1;
        }

        // k may lie past the last token: an attribution comma can end the article (found by the fuzz test).
        private bool IsParticiple(int k) =>
            k < _t.Count && _t[k].IsWord && _t.Word(k) is var w && w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)
            && char.IsLower(_text[_t[k].Start]) && w is not ("during" or "including" or "according");

        private Referent SpokesmanOfNamedBody(int phrase, int cue, int a, int comma)
        {
            // "... was summoned to the Foreign Office, a spokesman said.": an unnamed spokesman speaks for the
            // one institution the sentence names.
            if (cue - phrase != 2 || _t.Word(phrase) is not ("a" or "an") || _t.Word(phrase + 1) is not ("spokesman" or "spokeswoman" or "spokesperson"))
            {
                return Referent.None;
            }

            ActorMention? body = null;
            for (var k = a; k < comma; k++)
            {
                if (_t.MentionAt(k) is { Actor.Kind: ActorKinds.Organization } m && m.Type != MentionType.Pronoun)
                {
                    if (body is not null && !ReferenceEquals(body.Actor, m.Actor))
                    {
                        return Referent.None;
                    }

                    body = m;
                }
            }

            return body is null ? Referent.None : new Referent(body.Actor, new Span(_t[phrase].Start, _t[cue - 1].End));
        }

        private bool TryAppositiveAttribution(int cue, int afterCue, int a, int b)
        {
            // "..., a government spokesman, Ahmed Talal, told reporters.": the role, then the name, then the cue.
            if (_t.MentionAt(cue - 2) is not { Actor.Kind: ActorKinds.Person } person || person.Type == MentionType.Pronoun)
            {
                return false;
            }

            var nameStart = reader.FirstTokenOf(person, cue - 2);
            if (_t.Word(nameStart - 1) != ",")
            {
                return false;
            }

            var comma = nameStart - 2;
            while (comma > a && comma > nameStart - 9 && _t[comma].IsWord)
            {
                comma--;
            }

            if (_t.Word(comma) != "," || comma <= a + 2 || _t.Word(comma + 1) is not ("a" or "an" or "the"))
            {
                return false;
            }

            // Only the listener may follow: "told reporters.", "said in a statement.".
            var k = SkipToContent(afterCue, b);
            if (_t.Word(cue) is "told" or "tells")
            {
                while (k < b && _t[k].IsWord && _t.Word(k) != "that")
                {
                    k++;
                }
            }

            if (k < b && _t.Word(k) is not ("." or ";"))
            {
                return false;
            }

            AddReported(new Referent(person.Actor, person.Span), a, comma, cue, afterCue, null);
            return true;
        }

        private int SkipToContent(int k, int b)
        {
            while (k < b)
            {
                var w = _t.Word(k);

                // "said in a statement", "said in an interview with X", "said at a news conference", "wrote on Twitter".
                if (w is "in" or "at" or "on" or "to" or "during" or "via" && (_t.Word(k + 1) is "a" or "an" or "the" or "twitter" or "reporters" or "x" or "television" or "telegram" or "facebook" or "state" or "his" or "her" or "its"
                    or "their" or "remarks" or "comments" or "televised" or "written" or "separate" or "an"))
                {
                    var j = k + 1;
                    while (j < b && j < k + 9 && _t[j].IsWord && _t.Word(j) != "that")
                    {
                        j++;
                    }

                    if (j >= b || _t.Word(j) is "." or ";")
                    {
                        return j;
                    }

                    if (_t.Word(j) is "that" or "," or ":")
                    {
                        k = _t.Word(j) == "that" ? j : j + 1;
                        continue;
                    }

                    return k;
                }

                // "said on condition of anonymity (because he was not authorized to ...)": how, not what.
                if (w == "on" && _t.Word(k + 1) == "condition" && _t.Word(k + 2) == "of" && _t.Word(k + 3) == "anonymity")
                {
                    k += 4;
                    if (_t.Word(k) is "because" or "as" or "since")
                    {
                        while (k < b && _t.Word(k) is not ("." or ";" or "," or "that"))
                        {
                            k++;
                        }
                    }

                    continue;
                }

                // "said after meeting Blinken in Washington that ...": a time clause before the reported one.
                if (w is "after" or "before" or "during" or "following" or "while" or "when" && ThatWithin(k + 1, b, 10) is var that and >= 0)
                {
                    k = that;
                    continue;
                }

                if (reader.IsTimex(k) || ContentSkips.Contains(w))
                {
                    k++;
                    continue;
                }

                return k;
            }

            return k;
        }

        private bool LooksLikeClause(int start, int b)
        {
            // Reported speech is a clause: it needs a verb-like word after its first word.
            if (b - start < 3)
            {
                return false;
            }

            var first = _t.Word(start);
            if (first is "the" or "a" or "an" || _t.MentionAt(start) is not null || char.IsUpper(_text[_t[start].Start]))
            {
                return true;
            }

            if (first is "it" or "he" or "she" or "they" or "we" or "i" or "there" or "his" or "her" or "its" or "their"
                or "no" or "all" or "both" or "any" or "some" or "relations" or "ending" or "iran" or "this" or "these" or "those"
                || _t[start].Kind == WordTokenKind.Quote || first.EndsWith("ing", StringComparison.Ordinal) || first.EndsWith('s'))
            {
                return true;
            }

            // "said at least seven people were killed": a finite verb within the next few words.
            return FiniteVerbSoon(start, b);
        }

        private bool FiniteVerbSoon(int start, int b)
        {
            for (var k = start + 1; k < b && k < start + 8 && _t[k].IsWord; k++)
            {
                if (FiniteVerbs.Contains(_t.Word(k)))
                {
                    return true;
                }
            }

            return false;
        }

        private int ContentEnd(int start, int b)
        {
            for (var k = start; k < b; k++)
            {
                if (_t.Word(k) is "," or ";" && k + 1 < b)
                {
                    var n = _t[k + 1].Kind == WordTokenKind.Quote ? _t.Word(k + 2) : _t.Word(k + 1);
                    // ", without giving details" / ", without elaborating" is the reporter's aside.
                    if (n is "according" or "without" || ParticipleCues.Contains(n) || Asides.Contains(n))
                    {
                        return k;
                    }

                    // "..., a claim Ankara rejected": the reporter's summary of what was said, not part of it.
                    if (n is "a" && _t.Word(k + 2) is "claim" or "charge" or "move" or "step" or "accusation" or "allegation" or "statement" or "remark" && _t.Word(k + 3) is not ("of" or "to"))
                    {
                        return k;
                    }

                    if (_t[k + 1].Kind == WordTokenKind.Quote && k + 2 < b && ParticipleCues.Contains(_t.Word(k + 2)))
                    {
                        return k;
                    }
                }

                // "said the waiver was renewed, but stressed that ...": the second verb starts its own statement.
                if (k > start && _t.Word(k) is "and" or "but" && StrongCues.Contains(_t.Word(k + 1)) && _t.Word(k + 2) == "that")
                {
                    return _t.Word(k - 1) == "," ? k - 1 : k;
                }
            }

            return b;
        }

        private void TryQuotedAsSaying(int cue, int a, int b)
        {
            // "Khamenei was quoted as saying (that) ...": the subject of "quoted" speaks.
            var speaker = reader.SubjectOf(cue - 2, a);
            var start = cue + 1;
            if (_t.Word(start) == "that")
            {
                start++;
            }

            if (!speaker.Found || start >= b)
            {
                return;
            }

            AddQuoteOrReported(speaker, start, cue, b);
        }

        /// <summary>The words after a cue: a quotation opening there is direct speech, anything else reported speech to <paramref name="b"/>.</summary>
        private void AddQuoteOrReported(Referent speaker, int start, int cue, int b)
        {
            if (_t[start].Kind == WordTokenKind.Quote && QuoteOpeningAt(start) is var qo and >= 0 && !_usedQuotes.Contains(qo))
            {
                _usedQuotes.Add(qo);
                Add(speaker, QuoteContent(_quotes[qo]), true, cue, cue + 1);
                return;
            }

            AddReported(speaker, start, ContentEnd(start, b), cue, cue + 1, null);
        }

        private void TryParticiple(int s, int cue, int a, int b)
        {
            // "..., saying ...": the speaker is the main clause's subject, or the speaker of the statement just made.
            var speaker = SpeakerSoFar(s, cue, a);
            var start = cue + 1;
            // "calling it/them ..." labels; "calling for/on" is a demand, which the event rules code.
            if (_t.Word(cue) == "calling" && _t.Word(start) is not ("it" or "the" or "them" or "him" or "her"))
            {
                return;
            }

            if (_t.Word(start) == "that")
            {
                start++;
            }

            if (start >= b)
            {
                return;
            }

            AddQuoteOrReported(speaker, start, cue, b);
        }

        // "and warned", "but, in a sharp shift, described": a verb conjoined to the main clause.
        private bool IsConjoined(int verb, int a)
        {
            var k = verb - 1;
            if (_t.Word(k) == ",")
            {
                k--;
                while (k > a && _t.Word(k) != "," && _t[k].IsWord && k > verb - 10)
                {
                    k--;
                }

                if (_t.Word(k) != ",")
                {
                    return false;
                }

                k--;
            }

            return k > a && _t.Word(k) is "and" or "but";
        }

        // The speaker of the statement just made in this sentence, else the main clause's subject.
        private Referent SpeakerSoFar(int s, int cue, int a)
        {
            var previous = Result.LastOrDefault(r => SentenceSpan(s).Overlaps(r.Evidence) && r.CueSpan is { } c && c.End <= _t[cue].Start);
            return previous is not null ? new Referent(previous.Speaker, previous.SpeakerSpan) : MainSubject(a, cue);
        }

        private Referent MainSubject(int a, int before)
        {
            for (var k = a; k < before; k++)
            {
                if (_t.MentionAt(k) is { } m && !Prepositions.Contains(_t.Word(k - 1)) && _t.Word(k - 1) != "'s")
                {
                    if (k > a && Prepositions.Contains(_t.Word(reader.FirstTokenOf(m, k) - 1)))
                    {
                        k = reader.LastTokenOf(m, k);
                        continue;
                    }

                    // "Foreign Ministry spokesman Saeed Khatibzadeh": the person ending the phrase is the subject.
                    var phrase = reader.NounPhraseAt(reader.FirstTokenOf(m, k), before);
                    return phrase.Found ? phrase : new Referent(m.Actor, m.Span);
                }

                if (_t[k].IsWord && _t.Word(k) is "he" or "she" or "it" or "they" && (k == a || _t.Word(k - 1) == ","))
                {
                    return reader.ResolvePronoun(_t.Word(k), _t[k].Start);
                }
            }

            return Referent.None;
        }

        private void TryAccordingTo(int s, int i, int a, int b)
        {
            // Only when no other cue attributes this sentence.
            if (Result.Any(r => r.Evidence.Overlaps(SentenceSpan(s))))
            {
                return;
            }

            for (var k = a; k < b; k++)
            {
                if (k != i && (StrongCues.Contains(_t.Word(k)) || (ParticipleCues.Contains(_t.Word(k)) && _t.Word(k - 1) == ",")))
                {
                    return;
                }
            }

            var speaker = reader.NounPhraseAt(i + 2, b);
            if (i > a && _t.Word(i + 2) is "his" or "her" && MainSubject(a, i) is { Actor.Kind: ActorKinds.Person } owner)
            {
                // "X spoke with Y and invited ..., according to his office": the sentence's subject owns the office.
                speaker = owner;
            }

            if (!speaker.Found)
            {
                return;
            }

            if (i == a)
            {
                // "According to X, ...": the content follows the phrase's comma.
                var comma = i + 2;
                while (comma < b && _t.Word(comma) != ",")
                {
                    comma++;
                }

                if (comma + 1 < b)
                {
                    AddReported(speaker, comma + 1, b, i, i + 2, null);
                }
            }
            else if (_t.Word(i - 1) == "," && i - 1 > a + 2)
            {
                AddReported(speaker, a, i - 1, i, i + 2, null);
            }
            else if (_t[i - 1].Kind == WordTokenKind.Quote && QuoteClosingAt(i - 1) is var qi and >= 0 && !_usedQuotes.Contains(qi)
                && _quotes[qi].Open == a)
            {
                // "“The attack was a crime,” according to the ministry."
                _usedQuotes.Add(qi);
                Add(speaker, QuoteContent(_quotes[qi]), true, i, i + 2);
            }
        }

        private void AttributeContinuations()
        {
            // A quoted sentence with no cue of its own, right after an attributed quote, continues that speaker.
            for (var qi = 0; qi < _quotes.Count; qi++)
            {
                if (_usedQuotes.Contains(qi))
                {
                    continue;
                }

                var q = _quotes[qi];
                var s = _t[q.Open].Sentence;
                if (_t.SentenceStart(s) != q.Open)
                {
                    continue;
                }

                var after = q.Close + 1;
                if (after < _t.Count && _t[after].Sentence == _t[q.Close].Sentence && _t.Word(after) is not ("." or "!" or "?"))
                {
                    continue;
                }

                var openAt = _t[q.Open].Start;
                var prev = Result.Where(r => r.Direct && r.Content.End <= openAt).MaxBy(r => r.Content.End);
                if (prev is null || prev.Speaker is null)
                {
                    continue;
                }

                var gapParagraphs = CountParagraphsBetween(prev.Evidence.End, openAt);
                if (gapParagraphs > 1)
                {
                    continue;
                }

                var content = QuoteContent(q);
                if (Words(content) < 2)
                {
                    continue;
                }

                _usedQuotes.Add(qi);
                Result.Add(prev with
                {
                    Content = content,
                    Text = content.Slice(_text),
                    Cue = null,
                    CueSpan = null,
                    SpeakerSpan = null,
                    Addressee = null,
                    Evidence = EvidenceFor(content, content),
                });
            }
        }

        private int CountParagraphsBetween(int from, int to)
        {
            var n = 0;
            foreach (var p in _t.Doc.Paragraphs)
            {
                if (p.Start >= from && p.Start <= to)
                {
                    n++;
                }
            }

            return n;
        }
    }
}
