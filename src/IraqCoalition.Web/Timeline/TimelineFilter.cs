using System.Globalization;
using IraqCoalition.Data.Events;

namespace IraqCoalition.Web.Timeline;

/// <summary>
/// The timeline's filters as they appear in the URL. Every value is a string so that a hand-edited
/// or stale link never throws: what does not parse is ignored.
/// </summary>
public sealed record TimelineFilter
{
    public string? From { get; init; }
    public string? To { get; init; }
    public string? CountryA { get; init; }
    public string? CountryB { get; init; }
    public long? ActorId { get; init; }
    public string? Root { get; init; }
    public int? QuadClass { get; init; }
    public long? ArticleId { get; init; }
    public long? TagId { get; init; }
    public string? Text { get; init; }

    /// <summary>Only events that two or more independent sources reported.</summary>
    public bool Corroborated { get; init; }

    public bool IsEmpty => this == new TimelineFilter();

    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A day as the page writes it ("3 Jan 2020"); what does not parse, as it was written.</summary>
    public static string DayText(string isoDay) =>
        ParseDate(isoDay) is { } d ? d.ToString("d MMM yyyy", CultureInfo.InvariantCulture) : isoDay;

    public TimelineQuery ToQuery() => new()
    {
        From = ParseDate(From),
        To = ParseDate(To),
        CountryA = Normalize(CountryA)?.ToUpperInvariant(),
        CountryB = Normalize(CountryB)?.ToUpperInvariant(),
        ActorId = ActorId,
        Root = Normalize(Root),
        QuadClass = QuadClass is >= 1 and <= 4 ? QuadClass : null,
        ArticleId = ArticleId,
        TagId = TagId,
        Text = Normalize(Text),
        Corroborated = Corroborated,
    };

    /// <summary>Query-string values for NavigationManager.GetUriWithQueryParameters; null removes a parameter.</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        ["from"] = Normalize(From),
        ["to"] = Normalize(To),
        ["a"] = Normalize(CountryA),
        ["b"] = Normalize(CountryB),
        ["actor"] = ActorId,
        ["root"] = Normalize(Root),
        ["quad"] = QuadClass,
        ["article"] = ArticleId,
        ["tag"] = TagId,
        ["q"] = Normalize(Text),
        ["corroborated"] = Corroborated ? "1" : null,
        // Links from before the list was virtualised carried a page number; it means nothing now.
        ["page"] = null,
    };

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
