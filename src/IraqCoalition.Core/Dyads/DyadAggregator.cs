using System.Globalization;

namespace IraqCoalition.Core.Dyads;

/// <summary>What the dyad figures need of an event: the two sides' countries, its day and its scores.</summary>
public readonly record struct DyadEvent(string? SourceCountry, string? TargetCountry, DateOnly Date, double Goldstein, int QuadClass);

/// <summary>An unordered pair of ISO-3 country codes, stored alphabetically so IRQ-USA and USA-IRQ are one dyad.</summary>
public readonly record struct Dyad
{
    public Dyad(string a, string b)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(a);
        ArgumentException.ThrowIfNullOrWhiteSpace(b);
        a = a.ToUpperInvariant();
        b = b.ToUpperInvariant();
        (First, Second) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
    }

    public string First { get; }
    public string Second { get; }

    /// <summary>Parses "IRQ-USA" (either order).</summary>
    public static Dyad Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length != 3 || parts[1].Length != 3)
        {
            throw new FormatException($"'{text}' is not a country pair such as IRQ-USA");
        }

        return new Dyad(parts[0], parts[1]);
    }

    public override string ToString() => $"{First}-{Second}";
}

/// <summary>How a calendar is cut into periods for dyad figures.</summary>
public enum DyadPeriod
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>The figures for one dyad in one period; the counts split events by <see cref="Tones.Of"/>, so neutral ones are in none of the quad counts.</summary>
public sealed record DyadStats(Dyad Dyad, DateOnly PeriodStart, int Events, double MeanGoldstein, int VerbalCooperation, int MaterialCooperation, int VerbalConflict, int MaterialConflict, int Neutral = 0)
{
    /// <summary>Counts indexed by quad class 1-4, neutral events left out.</summary>
    public int QuadCount(int quad) => quad switch
    {
        1 => VerbalCooperation,
        2 => MaterialCooperation,
        3 => VerbalConflict,
        4 => MaterialConflict,
        _ => throw new ArgumentOutOfRangeException(nameof(quad), quad, "quad classes run from 1 to 4"),
    };

    public int Count(Tone tone) => tone == Tone.Neutral ? Neutral : QuadCount((int)tone);
}

/// <summary>
/// Dyad figures over coded events: per unordered country pair and period, the event count, the mean
/// Goldstein score and the counts by quad class. Events inside one country (IRQ-IRQ) or with an unknown
/// side are not dyadic and are left out.
/// </summary>
public static class DyadAggregator
{
    public static DateOnly PeriodStart(DateOnly date, DyadPeriod period) => period switch
    {
        DyadPeriod.Day => date,
        // ISO weeks start on Monday.
        DyadPeriod.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        DyadPeriod.Month => new DateOnly(date.Year, date.Month, 1),
        DyadPeriod.Year => new DateOnly(date.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };

    public static Dyad? DyadOf(DyadEvent e) =>
        string.IsNullOrEmpty(e.SourceCountry) || string.IsNullOrEmpty(e.TargetCountry)
        || string.Equals(e.SourceCountry, e.TargetCountry, StringComparison.OrdinalIgnoreCase)
            ? null
            : new Dyad(e.SourceCountry, e.TargetCountry);

    /// <summary>Figures per dyad and period, ordered by dyad then period.</summary>
    public static IReadOnlyList<DyadStats> Aggregate(IEnumerable<DyadEvent> events, DyadPeriod period)
    {
        ArgumentNullException.ThrowIfNull(events);
        var acc = new Dictionary<(Dyad, DateOnly), (int N, double Sum, int[] ByTone)>();
        foreach (var e in events)
        {
            if (DyadOf(e) is not { } dyad)
            {
                continue;
            }

            var key = (dyad, PeriodStart(e.Date, period));
            if (!acc.TryGetValue(key, out var a))
            {
                a = (0, 0, new int[6]);
            }

            a.N++;
            a.Sum += e.Goldstein;
            a.ByTone[(int)ToneOf(e)]++;
            acc[key] = a;
        }

        return acc
            .Select(kv => Stats(kv.Key.Item1, kv.Key.Item2, kv.Value.N, kv.Value.Sum / kv.Value.N, kv.Value.ByTone))
            .OrderBy(s => s.Dyad.ToString(), StringComparer.Ordinal)
            .ThenBy(s => s.PeriodStart)
            .ToList();
    }

    /// <summary>Figures for one dyad over all time (one row), or null when it has no events.</summary>
    public static DyadStats? Total(IEnumerable<DyadEvent> events, Dyad dyad)
    {
        ArgumentNullException.ThrowIfNull(events);
        var matching = events.Where(e => DyadOf(e) == dyad).ToList();
        if (matching.Count == 0)
        {
            return null;
        }

        var byTone = new int[6];
        foreach (var e in matching)
        {
            byTone[(int)ToneOf(e)]++;
        }

        return Stats(dyad, matching.Min(e => e.Date), matching.Count, matching.Average(e => e.Goldstein), byTone);
    }

    private static DyadStats Stats(Dyad dyad, DateOnly start, int events, double mean, int[] byTone) =>
        new(dyad, start, events, mean,
            byTone[(int)Tone.VerbalCooperation], byTone[(int)Tone.MaterialCooperation], byTone[(int)Tone.VerbalConflict], byTone[(int)Tone.MaterialConflict], byTone[(int)Tone.Neutral]);

    private static Tone ToneOf(DyadEvent e) => e.QuadClass is >= 1 and <= 4
        ? Tones.Of(e.QuadClass, e.Goldstein)
        : throw new ArgumentException($"quad class {e.QuadClass} is not 1-4", nameof(e));

    /// <summary>Reads an event's day from its ISO date string ("2020-01-03").</summary>
    public static DateOnly ParseDay(string value) =>
        DateOnly.ParseExact(value.Length > 10 ? value[..10] : value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
