using IraqCoalition.Data.Briefings;
using IraqCoalition.Data.Events;

namespace IraqCoalition.Reporting.Composition;

/// <summary>
/// A briefing composed against the database at one moment: everything a renderer needs, no queries
/// left to run. HTML, PDF, Markdown, CSV and JSON are all written from this one object.
/// </summary>
public sealed class BriefingDocument
{
    public long? BriefingId { get; init; }
    public required string Title { get; init; }
    public string? Author { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
    public required string HandlingMarking { get; init; }
    public string Summary { get; init; } = "";
    public BriefingSections Sections { get; init; } = BriefingSections.All;

    /// <summary>The scope in words, e.g. "Dyads: IRQ-USA, IRQ-RUS; CAMEO roots: 19".</summary>
    public string ScopeDescription { get; init; } = "";

    public IReadOnlyList<BriefingEvent> Events { get; init; } = [];

    /// <summary>Events in scope before the cap; at least this many when <see cref="EventsTruncated"/>.</summary>
    public int EventsInScope { get; init; }

    public bool EventsTruncated { get; init; }
    public IReadOnlyList<BriefingStatement> Statements { get; init; } = [];
    public bool StatementsTruncated { get; init; }
    public IReadOnlyList<DyadChart> Charts { get; init; } = [];
    public IReadOnlyList<ActorProfile> Actors { get; init; } = [];
    public IReadOnlyList<SourceOutlet> Sources { get; init; } = [];

    /// <summary>Numbered from 1 in order of first citation.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>What the reader should know about how the document was cut (truncation, missing pinned items).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public string Period => (From, To) switch
    {
        (null, null) => "All dates",
        ({ } f, null) => $"From {f:d MMMM yyyy}",
        (null, { } t) => $"Until {t:d MMMM yyyy}",
        ({ } f, { } t) => $"{f:d MMMM yyyy} to {t:d MMMM yyyy}",
    };

    public bool Has(BriefingSections section) => Sections.HasFlag(section);
}

public sealed record BriefingEvent
{
    public required long Id { get; init; }
    public required string Date { get; init; }
    public string DatePrecision { get; init; } = "day";
    public required string Code { get; init; }
    public required string Label { get; init; }
    public double Goldstein { get; init; }
    public int QuadClass { get; init; }
    public string? Source { get; init; }
    public string? SourceCountry { get; init; }
    public string? Target { get; init; }
    public string? TargetCountry { get; init; }
    public string? Location { get; init; }

    /// <summary>The extractor's one-line summary, or the evidence sentence when there is none.</summary>
    public required string Summary { get; init; }

    public required string Evidence { get; init; }
    public bool Pinned { get; init; }

    /// <summary>The citation of the report shown (the event's lead report).</summary>
    public required int Citation { get; init; }

    /// <summary>How widely the event was reported: its reports (not rejected) and their distinct outlets.</summary>
    public int ReportCount { get; init; } = 1;

    public int SourceCount { get; init; } = 1;

    /// <summary>Every report of the event, the one shown first, each citing its own article.</summary>
    public IReadOnlyList<BriefingReport> Reports { get; init; } = [];

    internal static BriefingEvent From(TimelineEvent e, bool pinned, int citation) => new()
    {
        Id = e.Id,
        Date = e.DateValue,
        DatePrecision = e.DatePrecision,
        Code = e.Code,
        Label = e.Label,
        Goldstein = e.Goldstein,
        QuadClass = e.QuadClass,
        Source = e.SourceName,
        SourceCountry = e.SourceCountry,
        Target = e.TargetName,
        TargetCountry = e.TargetCountry,
        Location = e.Location,
        Summary = string.IsNullOrWhiteSpace(e.Summary) ? e.EvidenceText : e.Summary,
        Evidence = e.EvidenceText,
        Pinned = pinned,
        Citation = citation,
    };
}

/// <summary>One article's report of a briefing event: who published it, when, and where in the article it says so.</summary>
public sealed record BriefingReport
{
    public required long EventId { get; init; }
    public required long ArticleId { get; init; }
    public required int Citation { get; init; }
    public string? Outlet { get; init; }
    public string? ArticleTitle { get; init; }
    public string? Published { get; init; }
    public required string Evidence { get; init; }
    public int EvidenceStart { get; init; }
    public int EvidenceEnd { get; init; }

    /// <summary>The article in the app's reader with the evidence highlighted, absolute when <see cref="ReportingOptions.PublicBaseUrl"/> is set.</summary>
    public required string Link { get; init; }
}

public sealed record BriefingStatement
{
    public required long Id { get; init; }
    public string? Date { get; init; }
    public string? Speaker { get; init; }
    public string? SpeakerCountry { get; init; }
    public required string Text { get; init; }

    /// <summary>Quoted words (true) or reported speech (false).</summary>
    public bool Direct { get; init; }

    public string? Cue { get; init; }
    public bool Pinned { get; init; }
    public required int Citation { get; init; }
}

public sealed record DyadChart(Dyad Dyad, IReadOnlyList<DyadWeek> Weeks)
{
    public int Events => Weeks.Sum(w => w.Events);
}

public sealed record ActorProfile
{
    public required long Id { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public string? Country { get; init; }
    public string? Title { get; init; }
    public string? Role { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Mentions and articles across the whole database.</summary>
    public int Mentions { get; init; }

    public int Articles { get; init; }

    /// <summary>Events and statements of this briefing the actor takes part in.</summary>
    public int BriefingEvents { get; init; }

    public int BriefingStatements { get; init; }
}

/// <summary>One outlet behind the briefing's citations.</summary>
public sealed record SourceOutlet(string Name, int Articles, int Events, int Statements, string? FirstPublished, string? LastPublished);

public sealed record Citation
{
    public required int Number { get; init; }
    public required long ArticleId { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Published { get; init; }
    public string? Url { get; init; }
}
