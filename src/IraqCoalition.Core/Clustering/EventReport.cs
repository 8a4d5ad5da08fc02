using System.Globalization;

namespace IraqCoalition.Core.Clustering;

/// <summary>
/// One report of an event as cluster matching sees it: what was done (root), by and to whom (actor
/// ids after resolution, and their countries), when (the interval the text allows) and in which words.
/// </summary>
public sealed record EventReport
{
    public long Id { get; init; }
    public long ArticleId { get; init; }

    /// <summary>The outlet that published the article; reports from one outlet are one source.</summary>
    public string? Outlet { get; init; }

    public required string Root { get; init; }
    public long? SourceActor { get; init; }
    public string? SourceCountry { get; init; }
    public long? TargetActor { get; init; }
    public string? TargetCountry { get; init; }
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
    public string Precision { get; init; } = "day";
    public IReadOnlySet<string> Terms { get; init; } = new HashSet<string>();

    public IReadOnlySet<string> SourceKeys => SideKeys.Of(SourceActor, SourceCountry);
    public IReadOnlySet<string> TargetKeys => SideKeys.Of(TargetActor, TargetCountry);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// One side of a cluster (its sources or its targets) as a set of keys: "a17" for actor 17, "USA" for
/// a country, so "the same actor" and "the same country" are both set lookups, and a cluster whose
/// reports name Trump in one and Washington in another keeps both.
/// </summary>
public static class SideKeys
{
    public static IReadOnlySet<string> Of(long? actor, string? country)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (actor is { } a)
        {
            keys.Add(ActorKey(a));
        }

        if (!string.IsNullOrWhiteSpace(country))
        {
            keys.Add(country.Trim().ToUpperInvariant());
        }

        return keys;
    }

    public static string ActorKey(long actor) => "a" + actor.ToString(CultureInfo.InvariantCulture);

    public static bool IsActor(ReadOnlySpan<char> key) => key.Length > 1 && key[0] == 'a' && char.IsAsciiDigit(key[1]);

    /// <summary>The space-separated form stored with a cluster.</summary>
    public static string Join(IEnumerable<string> keys) => string.Join(' ', keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static IReadOnlySet<string> Parse(string? stored) =>
        (stored ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
}
