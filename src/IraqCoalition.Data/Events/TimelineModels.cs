namespace IraqCoalition.Data.Events;

/// <summary>Filters of the timeline; every one is optional. The dyad (CountryA, CountryB) is unordered.</summary>
public sealed record TimelineQuery
{
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? CountryA { get; init; }
    public string? CountryB { get; init; }
    public long? ActorId { get; init; }
    public string? Root { get; init; }
    public int? QuadClass { get; init; }
    public long? ArticleId { get; init; }
    public long? TagId { get; init; }
    public string? Text { get; init; }

    /// <summary>Only events that at least two independent sources (outlets) reported.</summary>
    public bool Corroborated { get; init; }

    /// <summary>
    /// Every report rather than one row per event (the lead report of each cluster): for counting
    /// coverage, which is a signal of its own.
    /// </summary>
    public bool Reports { get; init; }

    /// <summary>Include events editors rejected (hidden by default).</summary>
    public bool IncludeRejected { get; init; }

    public bool Descending { get; init; }

    /// <summary>
    /// Keyset paging: only events after this one in the query's order (before it when descending).
    /// <see cref="Skip"/> then counts from the cursor, so a list scrolled row by row never walks
    /// the rows it has already shown.
    /// </summary>
    public TimelineCursor? After { get; init; }

    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>The position of one event in timeline order: (date_value, id) is unique.</summary>
public sealed record TimelineCursor(string DateValue, long Id);

/// <remarks>
/// A record: immutable and compared by value, so identical reads can share one instance
/// (the web app keeps one copy per event for all its circuits, Web/Timeline/SharedEvents).
/// </remarks>
public sealed record TimelineEvent
{
    public long Id { get; init; }
    public long ArticleId { get; init; }
    public string? ArticleTitle { get; init; }
    public string Code { get; init; } = "";
    public string Root { get; init; } = "";
    public string Label { get; init; } = "";
    public double Goldstein { get; init; }
    public int QuadClass { get; init; }
    public long? SourceActorId { get; init; }
    public string? SourceName { get; init; }
    public string? SourceCountry { get; init; }

    /// <summary>The actors' kinds ('person', 'country', ...), for short names on the axis.</summary>
    public string? SourceKind { get; init; }
    public string? TargetKind { get; init; }
    public long? TargetActorId { get; init; }
    public string? TargetName { get; init; }
    public string? TargetCountry { get; init; }
    public string DateValue { get; init; } = "";
    public string DateStart { get; init; } = "";
    public string DateEnd { get; init; } = "";
    public string DatePrecision { get; init; } = "";
    public string? DateText { get; init; }
    public string? Location { get; init; }
    public string? Summary { get; init; }
    public int EvidenceStart { get; init; }
    public int EvidenceEnd { get; init; }
    public string EvidenceText { get; init; } = "";
    public bool Negated { get; init; }
    public string? Modality { get; init; }
    public string Status { get; init; } = "extracted";
    public bool Edited { get; init; }
    public int Version { get; init; }

    /// <summary>The event (cluster) this report belongs to, and how widely that event was reported.</summary>
    public long? ClusterId { get; init; }
    public int ReportCount { get; init; } = 1;
    public int SourceCount { get; init; } = 1;
    public bool Lead { get; init; } = true;

    /// <summary>'machine', or 'editor' for an event an editor added because the machine missed it.</summary>
    public string Origin { get; init; } = "machine";

    /// <summary>Why an editor should look at the event again (its actor was deleted), or null.</summary>
    public string? ReviewNote { get; init; }

    public TimelineCursor Cursor => new(DateValue, Id);
}

/// <summary>One week of a dyad's events: counts by tone (<see cref="IraqCoalition.Core.Dyads.Tones.Of"/>) and the mean Goldstein score.</summary>
public sealed class DyadWeek
{
    public string WeekStart { get; init; } = "";
    public int Events { get; init; }
    public int VerbalCooperation { get; init; }
    public int MaterialCooperation { get; init; }
    public int VerbalConflict { get; init; }
    public int MaterialConflict { get; init; }

    /// <summary>Events of Goldstein 0 ("make statement"), counted in none of the quad classes.</summary>
    public int Neutral { get; init; }

    public double MeanGoldstein { get; init; }
}
