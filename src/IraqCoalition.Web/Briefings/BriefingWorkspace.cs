using IraqCoalition.Data.Accounts;
using IraqCoalition.Data;
using IraqCoalition.Data.Briefings;
using IraqCoalition.Reporting;
using IraqCoalition.Reporting.Composition;
using IraqCoalition.Reporting.Pdf;

namespace IraqCoalition.Web.Briefings;

/// <summary>What the composer can pin or leave out: every event and statement the scope finds, plus the pinned ones.</summary>
public sealed record BriefingCandidates(IReadOnlyList<BriefingEvent> Events, IReadOnlyList<BriefingStatement> Statements, int EventsInScope, bool EventsTruncated)
{
    public static BriefingCandidates None { get; } = new([], [], 0, false);
}

/// <summary>
/// The web app's door to briefings: the pages call this rather than the repository, so that reads,
/// writes and exports each pass through one method.
/// </summary>
public sealed class BriefingWorkspace(BriefingRepository repository, BriefingExporter exporter)
{
    public PdfRendererStatus PdfStatus => exporter.PdfStatus;

    public Task<Page<BriefingSummary>> ListAsync(int skip, int take, string? text, CancellationToken ct = default) =>
        repository.ListAsync(skip, take, string.IsNullOrWhiteSpace(text) ? null : text.Trim(), ct);

    public Task<Briefing?> OpenAsync(long id, CancellationToken ct = default) => repository.GetAsync(id, ct);

    /// <summary>
    /// Creates (id 0) or updates the briefing and returns it as stored, with its new version. The
    /// draft passed in is left as it was, so a refused save (<see cref="BriefingConcurrencyException"/>)
    /// loses nothing. Every save and delete of the web app comes through here, so this is where the
    /// role is checked: analysts and editors write briefings; anonymous visitors only read them.
    /// </summary>
    public Task<Briefing> SaveAsync(UserContext user, Briefing draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        Authorization.Require(user, Roles.Analyst, "save briefings");
        return draft.Id == 0 ? repository.CreateAsync(user, draft, ct) : repository.UpdateAsync(user, draft, ct);
    }

    public Task DeleteAsync(UserContext user, long id, int version, CancellationToken ct = default)
    {
        Authorization.Require(user, Roles.Analyst, "delete briefings");
        return repository.DeleteAsync(user, id, version, ct);
    }

    /// <summary>
    /// The items of the scope with nothing excluded, so that an item left out stays on the list and
    /// can be brought back; pinned items come first, as in the document.
    /// </summary>
    public async Task<BriefingCandidates> CandidatesAsync(Briefing draft, CancellationToken ct = default)
    {
        var probe = Copy(draft);
        probe.ExcludedEventIds = [];
        probe.ExcludedStatementIds = [];
        probe.Sections = BriefingSections.KeyEvents | BriefingSections.KeyStatements;
        if (string.IsNullOrWhiteSpace(probe.Title))
        {
            probe.Title = "(untitled)";
        }

        var doc = await exporter.ComposeAsync(probe, ct);
        return new BriefingCandidates(doc.Events, doc.Statements, doc.EventsInScope, doc.EventsTruncated);
    }

    /// <summary>The document as the PDF will print it, from the draft as it stands (saved or not).</summary>
    public Task<string> PreviewHtmlAsync(Briefing draft, CancellationToken ct = default) => exporter.PreviewHtmlAsync(draft, ct);

    /// <summary>A deep copy, so work on a draft (previews, retries after a conflict) never aliases the page's model.</summary>
    public static Briefing Copy(Briefing b)
    {
        ArgumentNullException.ThrowIfNull(b);
        return new Briefing
        {
            Id = b.Id,
            Title = b.Title,
            Author = b.Author,
            From = b.From,
            To = b.To,
            Dyads = [.. b.Dyads],
            ActorIds = [.. b.ActorIds],
            TagIds = [.. b.TagIds],
            CameoRoots = [.. b.CameoRoots],
            Summary = b.Summary,
            Sections = b.Sections,
            PinnedEventIds = [.. b.PinnedEventIds],
            ExcludedEventIds = [.. b.ExcludedEventIds],
            PinnedStatementIds = [.. b.PinnedStatementIds],
            ExcludedStatementIds = [.. b.ExcludedStatementIds],
            HandlingMarking = b.HandlingMarking,
            CreatedBy = b.CreatedBy,
            Version = b.Version,
            CreatedAt = b.CreatedAt,
            UpdatedAt = b.UpdatedAt,
        };
    }
}
