using System.Globalization;

namespace IraqCoalition.Data.Briefings;

/// <summary>The parts a briefing may hold; the summary and the citation list are always there.</summary>
[Flags]
public enum BriefingSections
{
    None = 0,
    KeyEvents = 1,
    KeyStatements = 2,
    RelationshipCharts = 4,
    ActorProfiles = 8,
    Sources = 16,
    All = KeyEvents | KeyStatements | RelationshipCharts | ActorProfiles | Sources,
}

/// <summary>
/// A saved briefing: what to tell (scope, period, sections, pinned and excluded items) rather than the
/// rendered document, so reopening it next month picks up events ingested since.
/// Mutable because the web composer binds its form fields to it.
/// </summary>
public sealed class Briefing
{
    public long Id { get; set; }
    public string Title { get; set; } = "";
    public string? Author { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    /// <summary>Country pairs such as IRQ-USA; the pair is unordered.</summary>
    public List<Dyad> Dyads { get; set; } = [];

    public List<long> ActorIds { get; set; } = [];
    public List<long> TagIds { get; set; } = [];

    /// <summary>CAMEO root codes as two-digit strings ("19", not 19).</summary>
    public List<string> CameoRoots { get; set; } = [];

    /// <summary>The author's own words, Markdown; rendered with raw HTML disabled.</summary>
    public string Summary { get; set; } = "";

    public BriefingSections Sections { get; set; } = BriefingSections.All;

    /// <summary>Events shown first, in this order, even when outside the scope.</summary>
    public List<long> PinnedEventIds { get; set; } = [];

    public List<long> ExcludedEventIds { get; set; } = [];
    public List<long> PinnedStatementIds { get; set; } = [];
    public List<long> ExcludedStatementIds { get; set; } = [];

    /// <summary>Handling marking printed on the cover and every page; null takes the configured default.</summary>
    public string? HandlingMarking { get; set; }

    public string? CreatedBy { get; set; }

    /// <summary>Incremented on every save; an update naming an older version is refused.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An unordered pair of country codes, written IRQ-USA.</summary>
public readonly record struct Dyad(string A, string B)
{
    public override string ToString() => $"{A}-{B}";

    public static Dyad Parse(string text) =>
        TryParse(text, out var d) ? d : throw new FormatException($"'{text}' is not a dyad such as IRQ-USA (two country codes of 2 to 4 letters)");

    public static bool TryParse(string? text, out Dyad dyad)
    {
        dyad = default;
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length != 2 || !parts.All(IsCode) || string.Equals(parts[0], parts[1], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        dyad = new Dyad(parts[0].ToUpperInvariant(), parts[1].ToUpperInvariant());
        return true;
    }

    private static bool IsCode(string s) => s.Length is >= 2 and <= 4 && s.All(char.IsAsciiLetter);
}

/// <summary>A row of the briefing list.</summary>
public sealed class BriefingSummary
{
    public long Id { get; init; }
    public string Title { get; init; } = "";
    public string? Author { get; init; }
    public string? PeriodFrom { get; init; }
    public string? PeriodTo { get; init; }
    public int Version { get; init; }
    public string UpdatedAt { get; init; } = "";

    public string Period => (PeriodFrom, PeriodTo) switch
    {
        (null, null) => "all dates",
        (var f, null) => $"from {f}",
        (null, var t) => $"until {t}",
        var (f, t) => $"{f} to {t}",
    };
}

/// <summary>Someone else saved the briefing since it was opened.</summary>
public sealed class BriefingConcurrencyException(long id, int expected, int? actual)
    : Exception(actual is null
        ? $"Briefing {id} no longer exists."
        : string.Create(CultureInfo.InvariantCulture, $"Briefing {id} was changed by someone else (version {actual}, you edited version {expected}); reopen it to see their changes."))
{
    public long BriefingId { get; } = id;
    public int ExpectedVersion { get; } = expected;
    public int? ActualVersion { get; } = actual;
}
