namespace IraqCoalition.Core.Temporal;

internal enum TimeUnit : byte
{
    None,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

internal enum Deixis : byte
{
    None,
    This,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Same,
    That,
    Recent,
}

internal enum WordMod : byte
{
    None,
    Early,
    Mid,
    Late,
    Earlier,
    Later,
}

/// <summary>What a word can mean in a temporal expression; one lookup per token gives every role.</summary>
internal sealed class LexEntry
{
    public int Month { get; set; }
    public int Weekday { get; set; } = -1;
    public TimeUnit Unit { get; set; }
    public bool Plural { get; set; }

    /// <summary>A cardinal number word; -2 for vague amounts ("several", "a few").</summary>
    public int Number { get; set; } = -1;

    public int Ordinal { get; set; }
    public Deixis Deixis { get; set; }
    public WordMod Mod { get; set; }

    /// <summary>Part of day (MO, AF, EV, NI) or season (SP, SU, FA, WI) code.</summary>
    public string? DayPart { get; set; }
    public string? Season { get; set; }

    /// <summary>Frequency value for set words ("daily" P1D).</summary>
    public string? Set { get; set; }

    /// <summary>today, yesterday, now ... as a keyword.</summary>
    public string? Keyword { get; set; }

    /// <summary>Starts an approximation before an amount ("about", "more than", "at least").</summary>
    public bool Approx { get; set; }

    /// <summary>A preposition recorded as the expression's signal.</summary>
    public string? Signal { get; set; }
}

internal static class TemporalLexicon
{
    private static readonly Dictionary<string, LexEntry> Words = Build();
    private static readonly Dictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static LexEntry? Get(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var e) ? e : null;

    private static LexEntry At(Dictionary<string, LexEntry> d, string w)
    {
        if (!d.TryGetValue(w, out var e))
        {
            e = new LexEntry();
            d[w] = e;
        }

        return e;
    }

    private static Dictionary<string, LexEntry> Build()
    {
        var d = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);
        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        for (var m = 0; m < 12; m++)
        {
            At(d, months[m]).Month = m + 1;
        }

        foreach (var (w, m) in new[] { ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12) })
        {
            At(d, w).Month = m;
        }

        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        for (var i = 0; i < 7; i++)
        {
            At(d, days[i]).Weekday = i;
        }

        foreach (var (w, i) in new[] { ("mon", 0), ("tue", 1), ("tues", 1), ("wed", 2), ("thu", 3), ("thur", 3), ("thurs", 3), ("fri", 4), ("sat", 5), ("sun", 6) })
        {
            At(d, w).Weekday = i;
        }

        foreach (var (w, u) in new[]
                 {
                     ("second", TimeUnit.Second), ("minute", TimeUnit.Minute), ("hour", TimeUnit.Hour), ("day", TimeUnit.Day),
                     ("week", TimeUnit.Week), ("weekend", TimeUnit.Weekend), ("month", TimeUnit.Month), ("quarter", TimeUnit.Quarter),
                     ("year", TimeUnit.Year), ("decade", TimeUnit.Decade), ("century", TimeUnit.Century),
                 })
        {
            At(d, w).Unit = u;
            var plural = u == TimeUnit.Century ? "centuries" : w + "s";
            var p = At(d, plural);
            p.Unit = u;
            p.Plural = true;
        }

        string[] numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
        for (var n = 0; n < numbers.Length; n++)
        {
            At(d, numbers[n]).Number = n;
        }

        foreach (var (w, n) in new[] { ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100), ("dozen", 12), ("a", 1), ("an", 1) })
        {
            At(d, w).Number = n;
        }

        foreach (var w in new[] { "several", "few", "many", "some", "couple", "dozens", "hundreds", "multiple" })
        {
            At(d, w).Number = -2;
        }

        string[] ordinals = ["first", "second", "third", "fourth"];
        for (var i = 0; i < ordinals.Length; i++)
        {
            At(d, ordinals[i]).Ordinal = i + 1;
        }

        foreach (var (w, x) in new[]
                 {
                     ("this", Deixis.This), ("current", Deixis.This), ("last", Deixis.Last), ("next", Deixis.Next), ("past", Deixis.Past),
                     ("coming", Deixis.Coming), ("upcoming", Deixis.Coming), ("previous", Deixis.Previous), ("preceding", Deixis.Previous),
                     ("following", Deixis.Following), ("same", Deixis.Same), ("that", Deixis.That), ("recent", Deixis.Recent),
                 })
        {
            At(d, w).Deixis = x;
        }

        foreach (var (w, m) in new[] { ("early", WordMod.Early), ("mid", WordMod.Mid), ("late", WordMod.Late), ("earlier", WordMod.Earlier), ("later", WordMod.Later) })
        {
            At(d, w).Mod = m;
        }

        foreach (var (w, c) in new[] { ("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI") })
        {
            At(d, w).DayPart = c;
        }

        foreach (var (w, c) in new[] { ("spring", "SP"), ("summer", "SU"), ("fall", "FA"), ("autumn", "FA"), ("winter", "WI") })
        {
            At(d, w).Season = c;
        }

        foreach (var (w, c) in new[] { ("daily", "P1D"), ("weekly", "P1W"), ("monthly", "P1M"), ("annually", "P1Y"), ("yearly", "P1Y"), ("hourly", "PT1H"), ("nightly", "P1D"), ("quarterly", "P3M") })
        {
            At(d, w).Set = c;
        }

        foreach (var w in new[] { "today", "tonight", "yesterday", "tomorrow", "now", "currently", "recently", "lately", "nowadays", "noon", "midnight", "overnight", "every", "each", "once" })
        {
            At(d, w).Keyword = w;
        }

        foreach (var w in new[] { "since", "in", "on", "for", "until", "till", "by", "before", "after", "from", "to", "through", "during", "within", "over", "of", "at", "between", "throughout", "following", "ahead", "around" })
        {
            At(d, w).Signal = w;
        }

        foreach (var w in new[] { "about", "nearly", "almost", "roughly", "approximately", "around", "more", "less", "fewer", "at" })
        {
            At(d, w).Approx = true;
        }

        return d;
    }
}
