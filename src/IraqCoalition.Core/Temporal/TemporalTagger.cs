using System.Globalization;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Temporal;

/// <summary>
/// Finds and normalises temporal expressions (dates, weekdays, relative and vague references, durations,
/// sets) in one pass over the tokens of each sentence, HeidelTime-style rules for news: relative
/// expressions resolve against the publication date, and the tense of the clause decides the direction of
/// underspecified ones ("on Tuesday", "March 19"). "The next day", "two days later" and times of day resolve
/// against the last day-precise date mentioned before them.
/// </summary>
public static class TemporalTagger
{
    public static IReadOnlyList<TemporalExpression> Tag(TextDocument doc, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return new Run(doc, published).Execute();
    }

    private struct Match
    {
        public int From;
        public int To;
        public string Type;
        public string Value;
        public DateOnly? Start;
        public DateOnly? End;
        public string Precision;
        public string? Mod;
        public TemporalAnchor? Anchor;

        public static Match Date(int from, int to, string value, DateOnly start, DateOnly end, string precision) =>
            new() { From = from, To = to, Type = "DATE", Value = value, Start = start, End = end, Precision = precision };

        public static Match Day(int from, int to, DateOnly d) => Date(from, to, TimexValues.Day(d), d, d, "day");

        public static Match Vague(int from, int to, string value) =>
            new() { From = from, To = to, Type = "DATE", Value = value, Precision = "range" };
    }

    private sealed class Run(TextDocument doc, DateOnly pub)
    {
        private static readonly HashSet<string> YearPrepositions = new(StringComparer.OrdinalIgnoreCase)
        {
            "in", "since", "by", "until", "till", "of", "from", "to", "through", "before", "after", "during", "early", "late", "mid",
            "fiscal", "year", "between", "and", "or", "around", "circa", "spring", "summer", "fall", "autumn", "winter", "throughout", "end", "start", "beginning",
        };

        private static readonly HashSet<string> MonthPrepositions = new(StringComparer.OrdinalIgnoreCase)
        {
            "in", "since", "by", "until", "till", "of", "from", "to", "through", "before", "after", "during", "early", "late", "mid", "last",
            "next", "this", "between", "throughout", "end", "start", "beginning", "middle",
        };

        private readonly string text = doc.Text;
        private readonly IReadOnlyList<Token> toks = doc.Tokens;
        private readonly List<TemporalExpression> found = [];
        private DateOnly? lastDay;
        private int s0;
        private int s1;

        public List<TemporalExpression> Execute()
        {
            for (var s = 0; s < doc.Sentences.Count; s++)
            {
                (s0, s1) = doc.SentenceTokens(s);
                var i = s0;
                while (i < s1)
                {
                    if (toks[i].Kind != TokenKind.Punct && TryMatch(i, out var m))
                    {
                        Emit(m);
                        i = m.To;
                    }
                    else
                    {
                        i++;
                    }
                }
            }

            ResolveAnchors();
            return found;
        }

        private void Emit(Match m)
        {
            var span = new Span(toks[m.From].Start, toks[m.To - 1].End);
            var last = toks[m.To - 1];
            if (last.IsWord && last.Length > 3 && text[last.End - 1] is 's' or 'S' && text[last.End - 2] is '\'' or '\u2019')
            {
                // "last night's attack": the possessive ending is not part of the expression.
                span = new Span(span.Start, span.End - 2);
            }

            string? signal = null;
            if (m.From > s0 && toks[m.From - 1].IsWord)
            {
                signal = TemporalLexicon.Get(toks[m.From - 1].AsSpan(text))?.Signal;
            }

            var expr = new TemporalExpression(span, span.Slice(text), m.Type, m.Value, m.Start, m.End, m.Precision)
            {
                Mod = m.Mod,
                Signal = signal,
                Anchor = m.Anchor,
                Tense = TenseOf(m.From, m.To),
            };
            found.Add(expr);
            if (m.Precision == "day" && m.Start is { } d && m.Type is "DATE" or "TIME")
            {
                lastDay = d;
            }
        }

        private void ResolveAnchors()
        {
            // "two days after the Jan. 3 strike": the anchor carries its own date, so the expression has one too.
            for (var i = 0; i < found.Count; i++)
            {
                var e = found[i];
                if (e.Anchor is not { OffsetDays: { } offset } anchor || e.Type != "DURATION")
                {
                    continue;
                }

                foreach (var other in found)
                {
                    if (other.Precision == "day" && other.Start is { } d && anchor.Scope.Contains(other.Span))
                    {
                        var r = d.AddDays(offset);
                        found[i] = e with { Type = "DATE", Value = TimexValues.Day(r), Start = r, End = r, Precision = "day" };
                        break;
                    }
                }
            }
        }

        private LexEntry? Lex(int i)
        {
            if (i >= s1 || toks[i].Kind == TokenKind.Punct)
            {
                return null;
            }

            // "last night's attack", "Sunday’s vote": the possessive does not change the expression.
            var w = toks[i].AsSpan(text);
            if (w.Length > 3 && (w[^1] == 's' || w[^1] == 'S') && w[^2] is '\'' or '\u2019')
            {
                w = w[..^2];
            }

            return TemporalLexicon.Get(w);
        }

        private bool IsWord(int i, string w) => i < s1 && i >= s0 && toks[i].IsWord && toks[i].Is(text, w);

        private bool IsPunct(int i, char c) => i < s1 && toks[i].IsPunct && text[toks[i].Start] == c;

        private Tense TenseOf(int from, int to) => TenseDetector.At(doc, s0, s1, from, to);

        private bool TryMatch(int i, out Match m)
        {
            var tok = toks[i];
            if (tok.IsWord)
            {
                // One lookup decides whether the word can start anything; most words cannot.
                var e = Lex(i);
                if ((tok.Flags & TokenFlags.Hyphenated) != 0
                    && (TryHyphenMod(i, out m) || TryAdjectiveDuration(i, out m) || TryHyphenPeriod(i, out m)
                        || (e is null && CompoundNumber(tok.AsSpan(text)) is not null && TryQuantity(i, i, out m))))
                {
                    return true;
                }

                if (e is null)
                {
                    m = default;
                    return tok.Length == 3 && tok.Is(text, "the") && TryThe(i, out m);
                }

                if (e.Mod != WordMod.None && TryModified(i, i + 1, e.Mod, out m))
                {
                    return true;
                }

                if (e.Approx && TryApprox(i, out m))
                {
                    return true;
                }

                return TryCore(i, e, out m);
            }

            return TryCore(i, out m);
        }

        private bool TryCore(int i, out Match m)
        {
            m = default;
            if (i >= s1)
            {
                return false;
            }

            var tok = toks[i];
            if (tok.IsNumber)
            {
                return TryNumber(i, out m);
            }

            if (!tok.IsWord)
            {
                return false;
            }

            if (tok.Length == 3 && tok.Is(text, "the"))
            {
                return TryThe(i, out m);
            }

            var e = Lex(i);
            return e is not null && TryCore(i, e, out m);
        }

        private bool TryCore(int i, LexEntry e, out Match m)
        {
            m = default;
            var tok = toks[i];

            if (e.Month > 0 && tok.IsCapitalized && TryMonth(i, i, out m))
            {
                return true;
            }

            if (e.Weekday >= 0 && tok.IsCapitalized && TryWeekday(i, Deixis.None, i, out m))
            {
                return true;
            }

            if (e.Keyword is not null && TryKeyword(i, e, out m))
            {
                return true;
            }

            if (e.Deixis != Deixis.None && TryDeixis(i, e.Deixis, i, out m))
            {
                return true;
            }

            if (e.Number != -1 && TryQuantity(i, i, out m))
            {
                return true;
            }

            if (e.Set is not null && !tok.IsCapitalized)
            {
                m = new Match { From = i, To = i + 1, Type = "SET", Value = e.Set, Precision = "range" };
                return true;
            }

            if (e.Unit != TimeUnit.None && e.Plural && (IsWord(i + 1, "after") || IsWord(i + 1, "before")) && i + 2 < s1 && !toks[i + 2].IsPunct)
            {
                // "hours after the strike", "days before the vote"
                return TryRelation(i, i + 1, null, e.Unit, out m);
            }

            if (e.Unit != TimeUnit.None && e.Plural && (IsWord(i + 1, "later") || IsWord(i + 1, "earlier")))
            {
                // "Days later": an unstated number of units after (or before) the story's last date.
                var basis = lastDay ?? pub;
                var later = IsWord(i + 1, "later");
                if (e.Unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second)
                {
                    m = Match.Day(i, i + 2, basis);
                    return true;
                }

                var near = basis.AddDays(later ? 1 : -1);
                var reach = e.Unit == TimeUnit.Day ? 7 : 2;
                var far = TimexValues.Shift(basis, later ? reach : -reach, e.Unit);
                m = new Match
                {
                    From = i, To = i + 2, Type = "DURATION", Value = TimexValues.Duration(null, e.Unit), Precision = "range",
                    Start = later ? near : far, End = later ? far : near,
                };
                return true;
            }

            if (e.Unit != TimeUnit.None && e.Plural && i > s0 && (IsWord(i - 1, "for") || IsWord(i - 1, "in") || IsWord(i - 1, "over") || IsWord(i - 1, "within")))
            {
                // "for years", "the first visit in years"
                m = new Match { From = i, To = i + 1, Type = "DURATION", Value = TimexValues.Duration(null, e.Unit), Precision = "range" };
                return true;
            }

            if (e.Season is not null && ParseYear(i + 1) is { } sy)
            {
                var (ss, se) = TimexValues.Season(sy, e.Season);
                m = Match.Date(i, i + 2, $"{TimexValues.Year(sy)}-{e.Season}", ss, se, "range");
                return true;
            }

            return false;
        }

        private int? ParseYear(int i)
        {
            if (i >= s1 || !toks[i].IsNumber || toks[i].Length != 4)
            {
                return null;
            }

            return int.TryParse(toks[i].AsSpan(text), NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1000 and <= 2999 ? y : null;
        }

        /// <summary>Leading digits of a number token and what follows them ("3rd" -> 3, "rd").</summary>
        private int LeadingNumber(int i, out ReadOnlySpan<char> rest)
        {
            var w = toks[i].AsSpan(text);
            var n = 0;
            var k = 0;
            while (k < w.Length && char.IsAsciiDigit(w[k]) && k < 9)
            {
                n = n * 10 + (w[k] - '0');
                k++;
            }

            rest = w[k..];
            return k == 0 ? -1 : n;
        }

        private static bool IsOrdinalSuffix(ReadOnlySpan<char> rest) =>
            rest.IsEmpty || rest.Equals("st", StringComparison.OrdinalIgnoreCase) || rest.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || rest.Equals("rd", StringComparison.OrdinalIgnoreCase) || rest.Equals("th", StringComparison.OrdinalIgnoreCase);

        private bool TryNumber(int i, out Match m)
        {
            m = default;
            var w = toks[i].AsSpan(text);
            if (w.Length == 10 && w[4] == '-' && w[7] == '-'
                && DateOnly.TryParseExact(w, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
            {
                m = Match.Day(i, i + 1, iso);
                return true;
            }

            if (w.Contains('/'))
            {
                return TrySlashDate(i, w, out m);
            }

            if (w.Contains(':'))
            {
                return TryClock(i, out m);
            }

            var n = LeadingNumber(i, out var rest);
            if (n < 0)
            {
                return false;
            }

            if (w.Length == 5 && rest.Equals("s", StringComparison.Ordinal) && n >= 1000)
            {
                var (v, s, e, p) = TimexValues.UnitAround(new DateOnly(n, 1, 1), TimeUnit.Decade);
                m = Match.Date(i, i + 1, v, s, e, p);
                return true;
            }

            if ((toks[i].Flags & TokenFlags.Hyphenated) != 0)
            {
                return TryAdjectiveDuration(i, out m);
            }

            if (!IsOrdinalSuffix(rest))
            {
                return false;
            }

            // "3 January 2020", "3rd of January"
            var j = IsWord(i + 1, "of") ? i + 2 : i + 1;
            if (n is >= 1 and <= 31 && Lex(j) is { Month: > 0 } me && toks[j].IsCapitalized)
            {
                var k = j + 1;
                if (toks[j].Length <= 4 && IsPunct(k, '.') && toks[k].Start == toks[j].End && toks[k].Length == 1)
                {
                    k++;
                }

                var year = ParseYear(k);
                if (year is not null)
                {
                    k++;
                }

                var month = me.Month;
                var y = year ?? InferYear(month, n, TenseOf(i, k));
                if (n <= DateTime.DaysInMonth(y, month))
                {
                    m = Match.Day(i, k, new DateOnly(y, month, n));
                    return true;
                }
            }

            if (rest.IsEmpty && n is >= 1 and <= 12 && IsMeridiem(i + 1) is { } pm)
            {
                var hour = n % 12 + (pm ? 12 : 0);
                m = Clock(i, i + 2, hour, 0);
                return true;
            }

            if (rest.IsEmpty && w.Length == 4 && n is >= 1800 and <= 2100 && YearGuard(i))
            {
                var (v, s, e, p) = TimexValues.UnitAround(new DateOnly(n, 1, 1), TimeUnit.Year);
                m = Match.Date(i, i + 1, v, s, e, p);
                return true;
            }

            return rest.IsEmpty && TryQuantity(i, i, out m);
        }

        private bool YearGuard(int i)
        {
            if (i > s0 && toks[i - 1].IsPunct && text[toks[i - 1].Start] is '$' or '£' or '€' or '#')
            {
                return false;
            }

            if (i + 1 < s1)
            {
                var next = toks[i + 1];
                if (next.IsPunct && text[next.Start] == '%')
                {
                    return false;
                }

                // "2000 soldiers" counts things; "in 2019 talks" still dates them.
                var prevIsPrep = i > s0 && toks[i - 1].IsWord && YearPrepositions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(toks[i - 1].AsSpan(text));
                if (next.IsWord && !next.IsCapitalized && text[next.End - 1] == 's' && !prevIsPrep && Lex(i + 1) is null)
                {
                    return false;
                }
            }

            return true;
        }

        private bool TrySlashDate(int i, ReadOnlySpan<char> w, out Match m)
        {
            m = default;
            Span<Range> parts = stackalloc Range[4];
            if (w.Split(parts, '/') != 3)
            {
                return false;
            }

            // News in English writes month/day/year.
            if (!int.TryParse(w[parts[0]], CultureInfo.InvariantCulture, out var mo) || !int.TryParse(w[parts[1]], CultureInfo.InvariantCulture, out var d)
                || !int.TryParse(w[parts[2]], CultureInfo.InvariantCulture, out var y))
            {
                return false;
            }

            if (y < 100)
            {
                y += y < 50 ? 2000 : 1900;
            }

            if (mo is < 1 or > 12 || d < 1 || y is < 1000 or > 2999 || d > DateTime.DaysInMonth(y, mo))
            {
                return false;
            }

            m = Match.Day(i, i + 1, new DateOnly(y, mo, d));
            return true;
        }

        private bool? IsMeridiem(int i)
        {
            if (i >= s1 || !toks[i].IsWord)
            {
                return null;
            }

            var w = toks[i].AsSpan(text);
            if (w.Equals("a.m.", StringComparison.OrdinalIgnoreCase) || w.Equals("am", StringComparison.Ordinal) || w.Equals("a.m", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (w.Equals("p.m.", StringComparison.OrdinalIgnoreCase) || w.Equals("pm", StringComparison.Ordinal) || w.Equals("p.m", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return null;
        }

        private bool TryClock(int i, out Match m)
        {
            m = default;
            var w = toks[i].AsSpan(text);
            var colon = w.IndexOf(':');
            if (colon is < 1 or > 2 || w.Length - colon != 3
                || !int.TryParse(w[..colon], CultureInfo.InvariantCulture, out var h) || !int.TryParse(w[(colon + 1)..], CultureInfo.InvariantCulture, out var min)
                || h > 23 || min > 59)
            {
                return false;
            }

            var to = i + 1;
            if (IsMeridiem(i + 1) is { } pm)
            {
                if (h is < 1 or > 12)
                {
                    return false;
                }

                h = h % 12 + (pm ? 12 : 0);
                to++;
            }

            m = Clock(i, to, h, min);
            return true;
        }

        private Match Clock(int from, int to, int hour, int minute)
        {
            // "4 p.m. Wednesday", "midnight Sunday": a day right after the time is the time's day.
            var d = lastDay ?? pub;
            if (to < s1 && toks[to].IsWord && TryCore(to, out var day) && day.Precision == "day" && day.Type == "DATE" && day.Start is { } dd)
            {
                d = dd;
                to = day.To;
            }

            return new Match
            {
                From = from, To = to, Type = "TIME", Start = d, End = d, Precision = "day",
                Value = string.Create(CultureInfo.InvariantCulture, $"{TimexValues.Day(d)}T{hour:D2}:{minute:D2}"),
            };
        }

        private int InferYear(int month, int day, Tense tense)
        {
            var y = pub.Year;
            var candidate = new DateOnly(y, month, Math.Min(day, DateTime.DaysInMonth(y, month)));
            switch (tense)
            {
                case Tense.Past:
                    return candidate > pub ? y - 1 : y;
                case Tense.Future:
                    return candidate < pub ? y + 1 : y;
                default:
                    // Without a tense, take the reading closest to the publication date.
                    var best = y;
                    var bestDist = int.MaxValue;
                    for (var c = y - 1; c <= y + 1; c++)
                    {
                        var dd = new DateOnly(c, month, Math.Min(day, DateTime.DaysInMonth(c, month)));
                        var dist = Math.Abs(dd.DayNumber - pub.DayNumber);
                        if (dist < bestDist)
                        {
                            best = c;
                            bestDist = dist;
                        }
                    }

                    return best;
            }
        }

        private int InferMonthYear(int month, Tense tense)
        {
            var y = pub.Year;
            return tense switch
            {
                Tense.Past => month > pub.Month ? y - 1 : y,
                Tense.Future => month < pub.Month ? y + 1 : y,
                _ => Math.Abs(month - pub.Month) <= 6 ? y : month > pub.Month ? y - 1 : y + 1,
            };
        }

        private bool TryMonth(int i, int from, out Match m)
        {
            m = default;
            var month = Lex(i)!.Month;
            var word = toks[i].AsSpan(text);
            var abbreviated = word.Length <= 4 && !word.Equals("may", StringComparison.OrdinalIgnoreCase)
                && !word.Equals("june", StringComparison.OrdinalIgnoreCase) && !word.Equals("july", StringComparison.OrdinalIgnoreCase);
            var j = i + 1;
            if (abbreviated && IsPunct(j, '.') && toks[j].Start == toks[i].End && toks[j].Length == 1)
            {
                j++;
            }
            else if (abbreviated && word.Length == 3 && !IsNumberAt(j))
            {
                return false;
            }

            if (IsNumberAt(j))
            {
                var d = LeadingNumber(j, out var rest);
                var rangeEnd = -1;
                if (rest.Length > 1 && rest[0] == '-' && int.TryParse(rest[1..], CultureInfo.InvariantCulture, out var d2) && d2 > d && d2 <= 31)
                {
                    rangeEnd = d2;
                    rest = [];
                }

                if (d is >= 1 and <= 31 && IsOrdinalSuffix(rest) && toks[j].Length <= 7)
                {
                    var k = j + 1;
                    int? year = null;
                    if (IsPunct(k, ',') && ParseYear(k + 1) is { } y1)
                    {
                        year = y1;
                        k += 2;
                    }
                    else if (ParseYear(k) is { } y2)
                    {
                        year = y2;
                        k++;
                    }

                    var y = year ?? InferYear(month, d, TenseOf(from, k));
                    var dim = DateTime.DaysInMonth(y, month);
                    if (d > dim)
                    {
                        return false;
                    }

                    var start = new DateOnly(y, month, d);
                    m = Match.Day(from, k, start);
                    if (rangeEnd > 0 && rangeEnd <= dim)
                    {
                        m.End = new DateOnly(y, month, rangeEnd);
                        m.Precision = "range";
                    }

                    return true;
                }

                if (ParseYear(j) is { } my)
                {
                    m = MonthMatch(from, j + 1, my, month);
                    return true;
                }
            }

            if (IsWord(j, "of") && ParseYear(j + 1) is { } oy)
            {
                m = MonthMatch(from, j + 2, oy, month);
                return true;
            }

            // A month alone: "May" and "March" are also a verb and a noun, and abbreviations need a date.
            var ambiguous = abbreviated || word.Equals("may", StringComparison.OrdinalIgnoreCase) || word.Equals("march", StringComparison.OrdinalIgnoreCase);
            if (ambiguous && !(from > s0 && toks[from - 1].IsWord && MonthPrepositions.GetAlternateLookup<ReadOnlySpan<char>>().Contains(toks[from - 1].AsSpan(text))))
            {
                return false;
            }

            m = MonthMatch(from, j, InferMonthYear(month, TenseOf(from, j)), month);
            return true;
        }

        private bool IsNumberAt(int j) => j < s1 && toks[j].IsNumber;

        private static Match MonthMatch(int from, int to, int year, int month) =>
            Match.Date(from, to, TimexValues.Month(year, month), new DateOnly(year, month, 1), TimexValues.MonthEnd(year, month), "month");

        private bool TryWeekday(int i, Deixis deixis, int from, out Match m)
        {
            m = default;
            var wd = Lex(i)!.Weekday;
            var word = toks[i].AsSpan(text);
            var j = i + 1;
            if (word.Length <= 5 && !word.Equals("sunday", StringComparison.OrdinalIgnoreCase) && !word.Equals("monday", StringComparison.OrdinalIgnoreCase)
                && !word.Equals("friday", StringComparison.OrdinalIgnoreCase))
            {
                // Abbreviated day names ("Wed.") only count with their stop.
                if (!IsPunct(j, '.') || toks[j].Start != toks[i].End)
                {
                    return false;
                }

                j++;
            }

            // "Monday, Jan. 6": the explicit date wins.
            if (IsPunct(j, ',') && Lex(j + 1) is { Month: > 0 } && TryMonth(j + 1, from, out var md) && md.Precision == "day")
            {
                m = md;
                return true;
            }

            string? part = null;
            if (Lex(j) is { DayPart: { } dp })
            {
                part = dp;
                j++;
            }

            // "Tuesday last week", "Friday next week": the weekday inside that week.
            if (Lex(j) is { Deixis: Deixis.Last or Deixis.This or Deixis.Next } wx && Lex(j + 1) is { Unit: TimeUnit.Week, Plural: false })
            {
                var weekStart = TimexValues.WeekStart(pub).AddDays(wx.Deixis == Deixis.Last ? -7 : wx.Deixis == Deixis.Next ? 7 : 0);
                var day = weekStart.AddDays(wd);
                m = part is null ? Match.Day(from, j + 2, day) : DayPart(from, j + 2, day, part);
                return true;
            }

            var tense = TenseOf(from, j);
            var pubWd = TimexValues.Weekday(pub);
            var back = (pubWd - wd + 7) % 7;
            var fwd = (wd - pubWd + 7) % 7;
            var offset = deixis switch
            {
                Deixis.Last or Deixis.Past or Deixis.Previous => -(back == 0 ? 7 : back),
                Deixis.Next or Deixis.Coming or Deixis.Following => fwd == 0 ? 7 : fwd,
                _ => tense is Tense.Future or Tense.Present ? fwd : -back,
            };
            var d = pub.AddDays(offset);
            m = part is null ? Match.Day(from, j, d) : DayPart(from, j, d, part);
            return true;
        }

        private static Match DayPart(int from, int to, DateOnly d, string part) =>
            new() { From = from, To = to, Type = "TIME", Value = TimexValues.Day(d) + "T" + part, Start = d, End = d, Precision = "day" };

        private bool TryKeyword(int i, LexEntry e, out Match m)
        {
            m = default;
            switch (e.Keyword)
            {
                case "today":
                    m = Match.Day(i, i + 1, pub);
                    return true;
                case "tonight":
                    m = DayPart(i, i + 1, pub, "NI");
                    return true;
                case "yesterday" or "tomorrow":
                    var d = pub.AddDays(e.Keyword == "yesterday" ? -1 : 1);
                    m = Lex(i + 1) is { DayPart: { } p } ? DayPart(i, i + 2, d, p) : Match.Day(i, i + 1, d);
                    return true;
                case "now" or "currently" or "nowadays":
                    m = Match.Vague(i, i + 1, "PRESENT_REF");
                    return true;
                case "recently" or "lately":
                    m = Match.Vague(i, i + 1, "PAST_REF");
                    return true;
                case "noon" or "midnight":
                    m = Clock(i, i + 1, e.Keyword == "noon" ? 12 : 0, 0);
                    return true;
                case "every" or "each":
                    return TrySet(i, out m);
                case "once" when (IsWord(i + 1, "a") || IsWord(i + 1, "every")) && Lex(i + 2) is { Unit: not TimeUnit.None, Plural: false } ue:
                    m = new Match { From = i, To = i + 3, Type = "SET", Value = TimexValues.Duration(1, ue.Unit), Precision = "range" };
                    return true;
                default:
                    return false;
            }
        }

        private bool TrySet(int i, out Match m)
        {
            m = default;
            var j = i + 1;
            int? amount = 1;
            if (IsNumberAt(j) || Lex(j) is { Number: > 1 })
            {
                amount = IsNumberAt(j) ? LeadingNumber(j, out _) : Lex(j)!.Number;
                j++;
            }

            var e = Lex(j);
            if (e is null)
            {
                return false;
            }

            string? value = null;
            if (e.Unit != TimeUnit.None)
            {
                value = TimexValues.Duration(amount, e.Unit);
            }
            else if (e.Weekday >= 0 && toks[j].IsCapitalized)
            {
                value = "XXXX-WXX-" + (e.Weekday + 1).ToString(CultureInfo.InvariantCulture);
            }
            else if (e.DayPart is not null)
            {
                value = "XXXX-XX-XXT" + e.DayPart;
            }

            if (value is null)
            {
                return false;
            }

            m = new Match { From = i, To = j + 1, Type = "SET", Value = value, Precision = "range" };
            return true;
        }

        private bool TryThe(int i, out Match m)
        {
            m = default;
            var j = i + 1;
            var e = Lex(j);
            if (e is not null)
            {
                if (e.Deixis is Deixis.Past or Deixis.Last or Deixis.Next or Deixis.Coming or Deixis.Previous or Deixis.Following or Deixis.Same
                    or Deixis.This && TryDeixis(j, e.Deixis, i, out m))
                {
                    return true;
                }

                // "the first nine months": a duration counted from the start of a period.
                if (e.Ordinal == 1 && Lex(j + 1) is { Number: > 1 } fn && Lex(j + 2) is { Unit: not TimeUnit.None, Plural: true } fu)
                {
                    m = new Match { From = i, To = j + 3, Type = "DURATION", Value = TimexValues.Duration(fn.Number, fu.Unit), Precision = "range" };
                    return true;
                }

                if (e.Ordinal == 1 && IsNumberAt(j + 1) && LeadingNumber(j + 1, out var fr) is > 1 and var fnum && fr.IsEmpty
                    && Lex(j + 2) is { Unit: not TimeUnit.None, Plural: true } fu2)
                {
                    m = new Match { From = i, To = j + 3, Type = "DURATION", Value = TimexValues.Duration(fnum, fu2.Unit), Precision = "range" };
                    return true;
                }

                if (e.Ordinal > 0 && (Lex(j + 1)?.Unit == TimeUnit.Quarter || IsWord(j + 1, "half")))
                {
                    return TryQuarter(i, e.Ordinal, IsWord(j + 1, "half"), j + 2, out m);
                }

                if (e.Season is not null && !IsWord(j + 1, "of"))
                {
                    // "in the summer": the latest such season begun by publication, or the next one in a future clause.
                    var future = TenseOf(i, j + 1) == Tense.Future;
                    var (cy, _) = TimexValues.SeasonOf(pub);
                    var year = e.Season == "WI" ? cy : pub.Year;
                    var (ss0, _) = TimexValues.Season(year, e.Season);
                    if (future && TimexValues.Season(year, e.Season).End < pub)
                    {
                        year++;
                    }
                    else if (!future && ss0 > pub)
                    {
                        year--;
                    }

                    var (ss, se) = TimexValues.Season(year, e.Season);
                    m = Match.Date(i, j + 1, $"{TimexValues.Year(year)}-{e.Season}", ss, se, "range");
                    return true;
                }

                if (e.Unit == TimeUnit.Weekend && !e.Plural)
                {
                    var tense = TenseOf(i, j + 1);
                    var basis = tense is Tense.Future or Tense.Present ? pub : pub.AddDays(-((TimexValues.Weekday(pub) + 2) % 7 == 0 ? 0 : 7));
                    var (v, s, en, p) = TimexValues.UnitAround(TimexValues.Weekday(pub) >= 5 ? pub : basis, TimeUnit.Weekend);
                    m = Match.Date(i, j + 1, v, s, en, p);
                    return true;
                }

                if (e.Unit == TimeUnit.Day && !e.Plural && (IsWord(j + 1, "after") || IsWord(j + 1, "before")))
                {
                    if (j + 2 < s1 && !toks[j + 2].IsPunct)
                    {
                        return TryRelation(i, j + 1, 1, TimeUnit.Day, out m);
                    }

                    // "the day before." with nothing after it: the day before the story's last date.
                    m = Match.Day(i, j + 2, (lastDay ?? pub).AddDays(IsWord(j + 1, "after") ? 1 : -1));
                    return true;
                }

                if (e.Mod is WordMod.Early or WordMod.Mid or WordMod.Late && TryModified(i, j + 1, e.Mod, out m))
                {
                    return true;
                }
            }

            if (IsWord(j, "future") && !IsWord(j + 1, "of"))
            {
                m = Match.Vague(i, j + 1, "FUTURE_REF");
                return true;
            }

            if (IsWord(j, "past") && (j + 1 >= s1 || !toks[j + 1].IsWord || Lex(j + 1) is null))
            {
                m = Match.Vague(i, j + 1, "PAST_REF");
                return true;
            }

            if (IsWord(j + 1, "of") && (IsWord(j, "end") || IsWord(j, "beginning") || IsWord(j, "start") || IsWord(j, "middle") || IsWord(j, "turn")))
            {
                var mod = IsWord(j, "end") ? WordMod.Late : IsWord(j, "middle") ? WordMod.Mid : WordMod.Early;
                return TryModified(i, j + 2, mod, out m);
            }

            if (IsNumberAt(j) && TryNumber(j, out m) && m.Type == "DATE")
            {
                m.From = i;
                return true;
            }

            return false;
        }

        private bool TryQuarter(int from, int ordinal, bool half, int j, out Match m)
        {
            int year;
            var to = j;
            if (IsWord(j, "of") && ParseYear(j + 1) is { } y)
            {
                year = y;
                to = j + 2;
            }
            else
            {
                var tense = TenseOf(from, j);
                var months = half ? 6 : 3;
                var startMonth = (ordinal - 1) * months + 1;
                year = tense == Tense.Past && startMonth > pub.Month ? pub.Year - 1 : pub.Year;
            }

            if (half && ordinal > 2 || ordinal > 4)
            {
                m = default;
                return false;
            }

            var len = half ? 6 : 3;
            var s = new DateOnly(year, (ordinal - 1) * len + 1, 1);
            var value = string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{(half ? 'H' : 'Q')}{ordinal}");
            m = Match.Date(from, to, value, s, s.AddMonths(len).AddDays(-1), "range");
            return true;
        }

        private bool TryDeixis(int i, Deixis x, int from, out Match m)
        {
            m = default;
            var j = i + 1;
            var relativeToStory = x is Deixis.Previous or Deixis.Following or Deixis.Same or Deixis.That;
            var basis = relativeToStory ? lastDay ?? pub : pub;

            // "the past three years", "the next five days", "the last 24 hours"
            if (x is Deixis.Past or Deixis.Last or Deixis.Next or Deixis.Coming or Deixis.Previous or Deixis.Following)
            {
                int? amount = null;
                var k = j;
                if (IsNumberAt(k) && LeadingNumber(k, out var lr) is > 0 and var ln && lr.IsEmpty)
                {
                    amount = ln;
                    k++;
                }
                else if (Lex(k) is { Number: > 1 or -2 } ne && !IsWord(k, "a") && !IsWord(k, "an"))
                {
                    amount = ne.Number > 0 ? ne.Number : null;
                    k++;
                }

                if (k > j && Lex(k) is { Unit: not TimeUnit.None } ue)
                {
                    var forward = x is Deixis.Next or Deixis.Coming or Deixis.Following;
                    var span = amount ?? 1;
                    var other = TimexValues.Shift(basis, forward ? span : -span, ue.Unit);
                    m = new Match
                    {
                        From = from, To = k + 1, Type = "DURATION", Value = TimexValues.Duration(amount, ue.Unit), Precision = "range",
                        Start = forward ? basis : other, End = forward ? other : basis,
                    };
                    return true;
                }
            }

            var e = Lex(j);
            if (e is null)
            {
                return false;
            }

            if (e.Unit != TimeUnit.None)
            {
                if (e.Plural)
                {
                    // "recent days", "the coming weeks", "the past years"
                    var vague = x switch
                    {
                        Deixis.Recent or Deixis.Past or Deixis.Last => "PAST_REF",
                        Deixis.Coming or Deixis.Next or Deixis.Following => "FUTURE_REF",
                        _ => null,
                    };
                    if (vague is null)
                    {
                        return false;
                    }

                    m = Match.Vague(from, j + 1, vague);
                    return true;
                }

                if (x == Deixis.Recent)
                {
                    return false;
                }

                if (x == Deixis.Past)
                {
                    // "the past week": the seven days before publication.
                    m = new Match
                    {
                        From = from, To = j + 1, Type = "DURATION", Value = TimexValues.Duration(1, e.Unit), Precision = "range",
                        Start = TimexValues.Shift(pub, -1, e.Unit), End = pub,
                    };
                    return true;
                }

                var offset = x switch
                {
                    Deixis.Last or Deixis.Previous => -1,
                    Deixis.Next or Deixis.Coming or Deixis.Following => 1,
                    _ => 0,
                };
                if (e.Unit is TimeUnit.Day)
                {
                    if (!relativeToStory && x != Deixis.Next)
                    {
                        return false;
                    }

                    // "the next day" follows the story's last date; a bare "next day" too.
                    var d = (lastDay ?? pub).AddDays(offset);
                    m = Lex(j + 1) is { DayPart: { } dp } ? DayPart(from, j + 2, d, dp) : Match.Day(from, j + 1, d);
                    return true;
                }

                if (e.Unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second)
                {
                    return false;
                }

                var (v, s, en, p) = TimexValues.UnitAround(TimexValues.Shift(basis, offset, e.Unit), e.Unit);
                m = Match.Date(from, j + 1, v, s, en, p);
                return true;
            }

            if (e.Weekday >= 0 && toks[j].IsCapitalized && x is Deixis.This or Deixis.Last or Deixis.Next or Deixis.Coming or Deixis.Past)
            {
                return TryWeekday(j, x, from, out m);
            }

            if (e.Month > 0 && toks[j].IsCapitalized && x is Deixis.This or Deixis.Last or Deixis.Next)
            {
                var year = x switch
                {
                    Deixis.Last => e.Month < pub.Month ? pub.Year : pub.Year - 1,
                    Deixis.Next => e.Month > pub.Month ? pub.Year : pub.Year + 1,
                    _ => pub.Year,
                };
                m = MonthMatch(from, j + 1, year, e.Month);
                return true;
            }

            if (e.DayPart is not null && x is Deixis.This or Deixis.Last or Deixis.That or Deixis.Same or Deixis.Previous or Deixis.Following or Deixis.Next)
            {
                var d = x switch
                {
                    Deixis.This => pub,
                    Deixis.Last => pub.AddDays(-1),
                    Deixis.Next => pub.AddDays(1),
                    Deixis.Previous => basis.AddDays(-1),
                    Deixis.Following => basis.AddDays(1),
                    _ => basis,
                };
                m = DayPart(from, j + 1, d, e.DayPart);
                return true;
            }

            if (e.Season is not null && x is Deixis.This or Deixis.Last or Deixis.Next or Deixis.Past or Deixis.Coming)
            {
                var (cy, _) = TimexValues.SeasonOf(pub);
                var thisYear = e.Season == "WI" ? cy : pub.Year;
                var (ts, te) = TimexValues.Season(thisYear, e.Season);
                var year = x switch
                {
                    Deixis.Last or Deixis.Past => te < pub ? thisYear : thisYear - 1,
                    Deixis.Next or Deixis.Coming => ts > pub ? thisYear : thisYear + 1,
                    _ => thisYear,
                };
                var (ss, se) = TimexValues.Season(year, e.Season);
                m = Match.Date(from, j + 1, $"{TimexValues.Year(year)}-{e.Season}", ss, se, "range");
                return true;
            }

            return false;
        }

        private bool TryApprox(int i, out Match m)
        {
            m = default;
            string? mod = null;
            var j = i + 1;
            if (IsWord(i, "about") || IsWord(i, "nearly") || IsWord(i, "almost") || IsWord(i, "roughly") || IsWord(i, "approximately") || IsWord(i, "around"))
            {
                mod = IsWord(i, "nearly") || IsWord(i, "almost") ? "LESS_THAN" : "APPROX";
            }
            else if (IsWord(i, "more") && IsWord(i + 1, "than"))
            {
                mod = "MORE_THAN";
                j = i + 2;
            }
            else if ((IsWord(i, "less") || IsWord(i, "fewer")) && IsWord(i + 1, "than"))
            {
                mod = "LESS_THAN";
                j = i + 2;
            }
            else if (IsWord(i, "at") && IsWord(i + 1, "least"))
            {
                mod = "EQUAL_OR_MORE";
                j = i + 2;
            }

            if (mod is null || !(IsNumberAt(j) || Lex(j) is { Number: not -1 }) || !TryQuantity(j, j, out m) || m.Type != "DURATION")
            {
                return false;
            }

            m.From = i;
            m.Mod = mod;
            return true;
        }

        private bool TryQuantity(int i, int from, out Match m)
        {
            m = default;
            int? amount;
            var j = i + 1;
            var fromArticle = false;
            if (toks[i].IsNumber)
            {
                var n = LeadingNumber(i, out var rest);
                if (!rest.IsEmpty || n < 0)
                {
                    return false;
                }

                amount = n;
            }
            else
            {
                var e = Lex(i);
                if (e is null)
                {
                    // Only compound number words reach here without an entry ("twenty-five").
                    e = new LexEntry { Number = CompoundNumber(toks[i].AsSpan(text)) ?? -1 };
                }

                amount = e.Number >= 0 ? e.Number : null;
                fromArticle = IsWord(i, "a") || IsWord(i, "an") || IsWord(i, "some") || IsWord(i, "many");
                if ((IsWord(i, "a") || IsWord(i, "an")) && Lex(j) is { Number: not -1 } inner && !IsWord(j, "a"))
                {
                    // "a few days", "a couple of weeks", "a dozen years"
                    amount = inner.Number >= 0 ? inner.Number : null;
                    if (IsWord(j, "couple"))
                    {
                        amount = 2;
                    }

                    j++;
                    fromArticle = false;
                }

                if (IsWord(j, "of"))
                {
                    j++;
                }
            }

            var ue = Lex(j);
            if (ue is null || ue.Unit == TimeUnit.None || (amount == 1 && ue.Plural && toks[i].IsWord))
            {
                return false;
            }

            var unit = ue.Unit;
            var k = j + 1;
            if (IsWord(k, "ago"))
            {
                if (amount is not { } a)
                {
                    m = Match.Vague(from, k + 1, "PAST_REF");
                    return true;
                }

                var d = TimexValues.Shift(pub, -a, unit);
                if (unit is TimeUnit.Day or TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second)
                {
                    m = Match.Day(from, k + 1, d);
                }
                else
                {
                    var (v, s, e, p) = TimexValues.UnitAround(d, unit);
                    m = Match.Date(from, k + 1, v, s, e, p);
                }

                return true;
            }

            if (amount is { } amt && (IsWord(k, "after") || IsWord(k, "before")) && k + 1 < s1 && !toks[k + 1].IsPunct)
            {
                return TryRelation(from, k, amt, unit, out m);
            }

            if (amount is { } rel && (IsWord(k, "later") || IsWord(k, "earlier") || IsWord(k, "before") || IsWord(k, "after")
                                      || (IsWord(k, "from") && IsWord(k + 1, "now"))))
            {
                var forward = IsWord(k, "later") || IsWord(k, "after") || IsWord(k, "from");
                var basis = IsWord(k, "from") ? pub : lastDay ?? pub;
                var d = TimexValues.Shift(basis, forward ? rel : -rel, unit);
                var to = IsWord(k, "from") ? k + 2 : k + 1;
                if (unit is TimeUnit.Day or TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second or TimeUnit.Week)
                {
                    m = Match.Day(from, to, d);
                }
                else
                {
                    var (v, s, e, p) = TimexValues.UnitAround(d, unit);
                    m = Match.Date(from, to, v, s, e, p);
                }

                return true;
            }

            if (fromArticle)
            {
                // "a day" alone is rarely a duration ("a day of mourning"); after these words it is.
                var prev = from > s0 ? toks[from - 1] : default;
                if (from <= s0 || !prev.IsWord || !(prev.Is(text, "for") || prev.Is(text, "in") || prev.Is(text, "within") || prev.Is(text, "over")
                    || prev.Is(text, "than") || prev.Is(text, "about") || prev.Is(text, "nearly") || prev.Is(text, "almost") || prev.Is(text, "only")
                    || prev.Is(text, "just") || prev.Is(text, "least") || prev.Is(text, "once") || prev.Is(text, "twice") || prev.Is(text, "after")))
                {
                    return false;
                }
            }

            m = new Match
            {
                From = from, To = j + 1, Type = "DURATION", Value = TimexValues.Duration(amount, unit),
                Precision = unit switch
                {
                    TimeUnit.Day => "day",
                    TimeUnit.Week => "week",
                    TimeUnit.Month => "month",
                    TimeUnit.Year => "year",
                    _ => "range",
                },
            };
            return true;
        }

        /// <summary>"two days after X": the expression ends before the signal; X runs to the end of its clause.</summary>
        private bool TryRelation(int from, int signal, int? amount, TimeUnit unit, out Match m)
        {
            var after = IsWord(signal, "after");
            var scopeEnd = Clauses.PhraseEnd(doc, s0, s1, from, signal + 1);
            int? days = unit is TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second ? 0 : amount is null or > 3650 ? null : unit switch
            {
                TimeUnit.Day => amount,
                TimeUnit.Week => 7 * amount,
                TimeUnit.Hour or TimeUnit.Minute or TimeUnit.Second => 0,
                _ => null,
            };
            var scope = new Span(toks[signal + 1].Start, toks[scopeEnd - 1].End);
            m = new Match
            {
                From = from, To = signal, Type = "DURATION", Value = TimexValues.Duration(amount, unit), Precision = "range",
                Anchor = new TemporalAnchor(after ? "after" : "before", scope, days is { } n ? (after ? n : -n) : null),
            };
            return true;
        }

        private bool TryModified(int i, int j, WordMod mod, out Match m)
        {
            m = default;
            if ((mod is WordMod.Earlier or WordMod.Later) && IsWord(j, "on"))
            {
                j++;
            }

            if ((mod is WordMod.Earlier or WordMod.Later) && IsWord(j, "in") && IsWord(j + 1, "the") && Lex(j + 2) is { Unit: TimeUnit.Week or TimeUnit.Month or TimeUnit.Year, Plural: false } ue)
            {
                // "earlier in the year": the unit holding the story's reference date.
                var (v, s, e, p) = TimexValues.UnitAround(lastDay ?? pub, ue.Unit);
                m = Match.Date(i, j + 3, v, s, e, p);
            }
            else if (IsWord(j, "the") && Lex(j + 1) is { Unit: TimeUnit.Week or TimeUnit.Month or TimeUnit.Year or TimeUnit.Decade or TimeUnit.Century, Plural: false } tu
                     && !IsWord(j + 2, "of"))
            {
                // "the end of the year": the year the story is in.
                var (v, s, e, p) = TimexValues.UnitAround(lastDay ?? pub, tu.Unit);
                m = Match.Date(i, j + 2, v, s, e, p);
            }
            else if (!TryCore(j, out m))
            {
                return false;
            }

            if (m.Type is not ("DATE" or "TIME") || m.Start is not { } start || m.End is not { } end)
            {
                m = default;
                return false;
            }

            m.From = i;
            var contains = start <= pub && pub <= end;
            if (mod == WordMod.Earlier && contains && start < pub)
            {
                m.End = pub.AddDays(-1);
                m.Precision = "range";
                return true;
            }

            if (mod == WordMod.Later && contains && pub < end)
            {
                m.Start = pub.AddDays(1);
                m.Precision = "range";
                return true;
            }

            m.Mod = mod switch
            {
                WordMod.Early or WordMod.Earlier => "START",
                WordMod.Mid => "MID",
                _ => "END",
            };
            if (m.Precision == "day")
            {
                return true;
            }

            (m.Start, m.End) = ModInterval(start, end, m.Precision, m.Mod);
            m.Precision = "range";
            return true;
        }

        /// <summary>
        /// The part of a period that "early", "mid" and "late" pick: days 1-10, 11-20 and 21-end of a month,
        /// January-April, May-August and September-December of a year, and thirds of anything else.
        /// </summary>
        private static (DateOnly, DateOnly) ModInterval(DateOnly start, DateOnly end, string precision, string mod)
        {
            if (precision == "month")
            {
                return mod switch
                {
                    "START" => (start, start.AddDays(9)),
                    "MID" => (start.AddDays(10), start.AddDays(19)),
                    _ => (start.AddDays(20), end),
                };
            }

            if (precision == "year")
            {
                return mod switch
                {
                    "START" => (start, start.AddMonths(4).AddDays(-1)),
                    "MID" => (start.AddMonths(4), start.AddMonths(8).AddDays(-1)),
                    _ => (start.AddMonths(8), end),
                };
            }

            var third = Math.Max(1, (end.DayNumber - start.DayNumber + 1) / 3);
            return mod switch
            {
                "START" => (start, start.AddDays(third - 1)),
                "MID" => (start.AddDays(third), end.AddDays(-third)),
                _ => (end.AddDays(-third + 1), end),
            };
        }

        private bool TryHyphenMod(int i, out Match m)
        {
            m = default;
            var w = toks[i].AsSpan(text);
            var dash = w.IndexOf('-');
            if (dash < 0)
            {
                return false;
            }

            var prefix = TemporalLexicon.Get(w[..dash]);
            if (prefix is null || prefix.Mod is not (WordMod.Early or WordMod.Mid or WordMod.Late))
            {
                return false;
            }

            var rest = w[(dash + 1)..];
            Match core;
            if (TemporalLexicon.Get(rest) is { Month: > 0 } me && char.IsUpper(rest[0]))
            {
                var y = InferMonthYear(me.Month, TenseOf(i, i + 1));
                core = MonthMatch(i, i + 1, y, me.Month);
            }
            else if (rest.Length == 4 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1000 and <= 2999)
            {
                var (v, s, e, p) = TimexValues.UnitAround(new DateOnly(year, 1, 1), TimeUnit.Year);
                core = Match.Date(i, i + 1, v, s, e, p);
            }
            else
            {
                return false;
            }

            core.Mod = prefix.Mod switch { WordMod.Early => "START", WordMod.Mid => "MID", _ => "END" };
            (core.Start, core.End) = ModInterval(core.Start!.Value, core.End!.Value, core.Precision, core.Mod);
            core.Precision = "range";
            m = core;
            return true;
        }

        /// <summary>"twenty-five" -> 25.</summary>
        private static int? CompoundNumber(ReadOnlySpan<char> word)
        {
            var dash = word.IndexOf('-');
            if (dash <= 0 || TemporalLexicon.Get(word[..dash]) is not { Number: >= 20 and < 100 } tens
                || TemporalLexicon.Get(word[(dash + 1)..]) is not { Number: > 0 and < 10 } ones)
            {
                return null;
            }

            return tens.Number + ones.Number;
        }

        /// <summary>"third-quarter profit", "first-half sales": the quarter or half as an adjective.</summary>
        private bool TryHyphenPeriod(int i, out Match m)
        {
            m = default;
            var w = toks[i].AsSpan(text);
            var dash = w.IndexOf('-');
            if (dash <= 0 || TemporalLexicon.Get(w[..dash]) is not { Ordinal: > 0 } o)
            {
                return false;
            }

            var rest = w[(dash + 1)..];
            var half = rest.Equals("half", StringComparison.OrdinalIgnoreCase);
            if (!half && !rest.Equals("quarter", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return TryQuarter(i, o.Ordinal, half, i + 1, out m);
        }

        /// <summary>"six-year war", "24-hour ceasefire", "three-day visit".</summary>
        private bool TryAdjectiveDuration(int i, out Match m)
        {
            m = default;
            var w = toks[i].AsSpan(text);
            var dash = w.LastIndexOf('-');
            if (dash <= 0)
            {
                return false;
            }

            var unitPart = w[(dash + 1)..];
            var numPart = w[..dash];
            if (TemporalLexicon.Get(unitPart) is not { Unit: not TimeUnit.None, Plural: false } ue || (i + 1 < s1 && toks[i + 1].Is(text, "old")))
            {
                return false;
            }

            int amount;
            if (int.TryParse(numPart, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                amount = n;
            }
            else if (TemporalLexicon.Get(numPart) is { Number: > 0 } ne && !numPart.Equals("a", StringComparison.OrdinalIgnoreCase))
            {
                amount = ne.Number;
            }
            else if (CompoundNumber(numPart) is { } compound)
            {
                amount = compound;
            }
            else
            {
                return false;
            }

            m = new Match { From = i, To = i + 1, Type = "DURATION", Value = TimexValues.Duration(amount, ue.Unit), Precision = "range" };
            return true;
        }
    }
}
