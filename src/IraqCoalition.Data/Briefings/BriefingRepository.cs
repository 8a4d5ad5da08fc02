using System.Globalization;
using Dapper;
using IraqCoalition.Data.Accounts;
using IraqCoalition.Data.Audit;
using IraqCoalition.Data.Storage;
using System.Data.Common;

namespace IraqCoalition.Data.Briefings;

/// <summary>
/// Saves and reopens briefings. Every write replaces the scope and item rows in the same
/// transaction as the header, and updates carry the version the editor started from.
/// </summary>
public sealed class BriefingRepository(ConnectionFactory factory)
{
    private const string ScopeDyad = "dyad", ScopeActor = "actor", ScopeTag = "tag", ScopeRoot = "root";
    private const string Event = "event", Statement = "statement", Pinned = "pinned", Excluded = "excluded";

    /// <summary>Stores a new briefing and returns it as stored (id, version 1, timestamps).</summary>
    public async Task<Briefing> CreateAsync(UserContext user, Briefing briefing, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        Validate(briefing);
        var now = Clock.Now();
        await using var c = await factory.OpenAsync(ct);
        await using var tx = (DbTransaction)await c.BeginTransactionAsync(ct);
        var id = await c.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO briefings (title, author, period_from, period_to, summary, sections, handling_marking,
                                   created_by, version, created_at, updated_at)
            VALUES (@Title, @Author, @From, @To, @Summary, @Sections, @Marking, @CreatedBy, 1, @now, @now)
            RETURNING id
            """, HeaderParameters(briefing, now), tx, cancellationToken: ct));
        await WriteChildrenAsync(c, tx, id, briefing, ct);
        await AuditLog.WriteAsync(c, tx, user, "briefing.create", "briefing", id, null, await AuditSnapshot.OfAsync(c, tx, briefing));
        await tx.CommitAsync(ct);
        return await GetAsync(id, ct) ?? throw new InvalidOperationException($"briefing {id} vanished after insert");
    }

    /// <summary>
    /// Saves changes to a briefing opened at <see cref="Briefing.Version"/>; throws
    /// <see cref="BriefingConcurrencyException"/> when it was saved or deleted since.
    /// </summary>
    public async Task<Briefing> UpdateAsync(UserContext user, Briefing briefing, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        Validate(briefing);
        var stored = await GetAsync(briefing.Id, ct);
        await using var c = await factory.OpenAsync(ct);
        await using var tx = (DbTransaction)await c.BeginTransactionAsync(ct);
        var p = HeaderParameters(briefing, Clock.Now());
        p.Add("id", briefing.Id);
        p.Add("version", briefing.Version);
        var changed = await c.ExecuteAsync(new CommandDefinition("""
            UPDATE briefings
            SET title = @Title, author = @Author, period_from = @From, period_to = @To, summary = @Summary,
                sections = @Sections, handling_marking = @Marking, version = version + 1, updated_at = @now
            WHERE id = @id AND version = @version
            """, p, tx, cancellationToken: ct));
        if (changed == 0)
        {
            var actual = await c.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT version FROM briefings WHERE id = @id", new { id = briefing.Id }, tx, cancellationToken: ct));
            throw new BriefingConcurrencyException(briefing.Id, briefing.Version, actual);
        }

        await c.ExecuteAsync(new CommandDefinition("DELETE FROM briefing_scope WHERE briefing_id = @id", new { id = briefing.Id }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition("DELETE FROM briefing_items WHERE briefing_id = @id", new { id = briefing.Id }, tx, cancellationToken: ct));
        await WriteChildrenAsync(c, tx, briefing.Id, briefing, ct);
        // The version check above proves nobody saved in between, so the copy read before the transaction is the "before".
        await AuditLog.WriteAsync(c, tx, user, "briefing.update", "briefing", briefing.Id,
            stored is null ? null : await AuditSnapshot.OfAsync(c, tx, stored), await AuditSnapshot.OfAsync(c, tx, briefing) with { Version = briefing.Version + 1 });
        await tx.CommitAsync(ct);
        return await GetAsync(briefing.Id, ct) ?? throw new BriefingConcurrencyException(briefing.Id, briefing.Version, null);
    }

    public async Task<Briefing?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        var h = await c.QuerySingleOrDefaultAsync<HeaderRow>(new CommandDefinition("""
            SELECT id, title, author, period_from, period_to, summary, sections, handling_marking, created_by,
                   version, created_at, updated_at
            FROM briefings WHERE id = @id
            """, new { id }, cancellationToken: ct));
        if (h is null)
        {
            return null;
        }

        var scope = (await c.QueryAsync<(string Kind, string Value)>(new CommandDefinition(
            "SELECT kind, value FROM briefing_scope WHERE briefing_id = @id ORDER BY kind, position", new { id }, cancellationToken: ct))).ToList();
        var items = (await c.QueryAsync<(string Type, long ItemId, string Disposition)>(new CommandDefinition(
            "SELECT item_type, item_id, disposition FROM briefing_items WHERE briefing_id = @id ORDER BY position", new { id }, cancellationToken: ct))).ToList();

        List<string> Scope(string kind) => scope.Where(s => s.Kind == kind).Select(s => s.Value).ToList();
        List<long> Items(string type, string disposition) =>
            items.Where(i => i.Type == type && i.Disposition == disposition).Select(i => i.ItemId).ToList();

        return new Briefing
        {
            Id = h.Id,
            Title = h.Title,
            Author = h.Author,
            From = Clock.ParseDay(h.PeriodFrom),
            To = Clock.ParseDay(h.PeriodTo),
            Summary = h.Summary,
            Sections = ParseSections(h.Sections),
            HandlingMarking = h.HandlingMarking,
            CreatedBy = h.CreatedBy,
            Version = h.Version,
            CreatedAt = ParseInstant(h.CreatedAt),
            UpdatedAt = ParseInstant(h.UpdatedAt),
            Dyads = Scope(ScopeDyad).Select(Dyad.Parse).ToList(),
            ActorIds = Scope(ScopeActor).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList(),
            TagIds = Scope(ScopeTag).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList(),
            CameoRoots = Scope(ScopeRoot),
            PinnedEventIds = Items(Event, Pinned),
            ExcludedEventIds = Items(Event, Excluded),
            PinnedStatementIds = Items(Statement, Pinned),
            ExcludedStatementIds = Items(Statement, Excluded),
        };
    }

    /// <summary>Briefings, most recently changed first; <paramref name="text"/> matches title or author.</summary>
    public async Task<Page<BriefingSummary>> ListAsync(int skip = 0, int take = 50, string? text = null, CancellationToken ct = default)
    {
        var w = new SqlWhere().AndContains(factory.Dialect, text, "text", "b.title", "b.author");
        var p = w.Parameters;
        p.Add("skip", Math.Max(0, skip));
        p.Add("take", Math.Clamp(take, 1, 500));
        await using var c = await factory.OpenAsync(ct);
        var items = await c.QueryAsync<BriefingSummary>(new CommandDefinition($"""
            SELECT b.id, b.title, b.author, b.period_from, b.period_to, b.version, b.updated_at
            FROM briefings b {w}
            ORDER BY b.updated_at DESC, b.id DESC
            LIMIT @take OFFSET @skip
            """, p, cancellationToken: ct));
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) FROM briefings b {w}", p, cancellationToken: ct));
        return new Page<BriefingSummary>(items.ToList(), total);
    }

    /// <summary>Deletes the briefing if it is still at <paramref name="version"/>.</summary>
    public async Task DeleteAsync(UserContext user, long id, int version, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        var stored = await GetAsync(id, ct);
        await using var c = await factory.OpenAsync(ct);
        await using var tx = (DbTransaction)await c.BeginTransactionAsync(ct);
        var deleted = await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM briefings WHERE id = @id AND version = @version", new { id, version }, tx, cancellationToken: ct));
        if (deleted == 0)
        {
            var actual = await c.ExecuteScalarAsync<int?>(new CommandDefinition(
                "SELECT version FROM briefings WHERE id = @id", new { id }, tx, cancellationToken: ct));
            throw new BriefingConcurrencyException(id, version, actual);
        }

        await AuditLog.WriteAsync(c, tx, user, "briefing.delete", "briefing", id, stored is null ? null : await AuditSnapshot.OfAsync(c, tx, stored), null);
        await tx.CommitAsync(ct);
    }

    /// <summary>A briefing as the audit log shows it: what a reader would notice changed.</summary>
    private sealed record AuditSnapshot(
        string Title, string? Author, string? Period, string Summary, string Sections, string? Marking, string Scope,
        int PinnedEvents, int ExcludedEvents, int PinnedStatements, int ExcludedStatements, int Version)
    {
        public static async Task<AuditSnapshot> OfAsync(DbConnection c, DbTransaction tx, Briefing b)
        {
            var actors = (await c.QueryAsync<(long Id, string Name)>($"SELECT id, name FROM actors WHERE {SqlDialect.Of(c).In("id", "@ids")}", new { ids = b.ActorIds.ToArray() }, tx))
                .ToDictionary(r => r.Id, r => r.Name);
            var tags = (await c.QueryAsync<(long Id, string Name)>($"SELECT id, name FROM tags WHERE {SqlDialect.Of(c).In("id", "@ids")}", new { ids = b.TagIds.ToArray() }, tx))
                .ToDictionary(r => r.Id, r => r.Name);
            return Of(b, actors, tags);
        }

        private static AuditSnapshot Of(Briefing b, Dictionary<long, string> actors, Dictionary<long, string> tags) => new(
            b.Title, b.Author,
            b.From is null && b.To is null ? null : $"{b.From:yyyy-MM-dd} – {b.To:yyyy-MM-dd}",
            b.Summary, b.Sections.ToString(), b.HandlingMarking,
            string.Join("; ", b.Dyads.Select(d => d.ToString())
                .Concat(b.ActorIds.Select(a => actors.GetValueOrDefault(a, $"actor {a}")))
                .Concat(b.TagIds.Select(t => $"#{tags.GetValueOrDefault(t, t.ToString(CultureInfo.InvariantCulture))}"))
                .Concat(b.CameoRoots.Select(r => $"root {r}"))),
            b.PinnedEventIds.Count, b.ExcludedEventIds.Count, b.PinnedStatementIds.Count, b.ExcludedStatementIds.Count, b.Version);
    }

    /// <summary>
    /// Statements by id, for pinned statements outside the scope's queries; rows in the shape
    /// <see cref="Statements.StatementRepository.SearchAsync"/> returns.
    /// </summary>
    public async Task<IReadOnlyList<Statements.StatementRow>> StatementsByIdAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<Statements.StatementRow>(new CommandDefinition($"""
            SELECT st.id, st.article_id, ar.title AS article_title, ar.published, st.speaker_actor_id,
                   sp.name AS speaker_name, sp.country AS speaker_country, st.text, st.direct, st.cue,
                   st.content_start, st.content_end, st.evidence_start, st.evidence_end, st.date_value, st.status, st.version
            FROM statements st
            JOIN articles ar ON ar.id = st.article_id
            LEFT JOIN actors sp ON sp.id = st.speaker_actor_id
            WHERE {SqlDialect.Of(c).In("st.id", "@ids")}
            """, new { ids = ids.ToArray() }, cancellationToken: ct))).ToList();
    }

    /// <summary>Names of tags, for describing a briefing's scope in words.</summary>
    public async Task<IReadOnlyDictionary<long, string>> TagNamesAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            $"SELECT id, name FROM tags WHERE {SqlDialect.Of(c).In("id", "@ids")}", new { ids = ids.ToArray() }, cancellationToken: ct))).ToDictionary(t => t.Id, t => t.Name);
    }

    public static string FormatSections(BriefingSections sections) =>
        string.Join(',', Enum.GetValues<BriefingSections>()
            .Where(s => s is not BriefingSections.None and not BriefingSections.All && sections.HasFlag(s))
            .Select(s => s.ToString()));

    public static BriefingSections ParseSections(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Aggregate(BriefingSections.None, (acc, s) => acc | Enum.Parse<BriefingSections>(s));

    private static void Validate(Briefing b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (string.IsNullOrWhiteSpace(b.Title))
        {
            throw new ArgumentException("A briefing needs a title.", nameof(b));
        }

        if (b.From is { } f && b.To is { } t && f > t)
        {
            throw new ArgumentException($"The period starts ({f:yyyy-MM-dd}) after it ends ({t:yyyy-MM-dd}).", nameof(b));
        }

        if (b.CameoRoots.FirstOrDefault(r => r.Length != 2 || !r.All(char.IsAsciiDigit)) is { } bad)
        {
            throw new ArgumentException($"'{bad}' is not a CAMEO root (two digits, 01 to 20).", nameof(b));
        }
    }

    private static DynamicParameters HeaderParameters(Briefing b, string now)
    {
        var p = new DynamicParameters();
        p.Add("Title", b.Title.Trim());
        p.Add("Author", string.IsNullOrWhiteSpace(b.Author) ? null : b.Author.Trim());
        p.Add("From", b.From is { } f ? Clock.Day(f) : null);
        p.Add("To", b.To is { } t ? Clock.Day(t) : null);
        p.Add("Summary", b.Summary ?? "");
        p.Add("Sections", FormatSections(b.Sections));
        p.Add("Marking", string.IsNullOrWhiteSpace(b.HandlingMarking) ? null : b.HandlingMarking.Trim());
        p.Add("CreatedBy", b.CreatedBy);
        p.Add("now", now);
        return p;
    }

    private static async Task WriteChildrenAsync(DbConnection c, DbTransaction tx, long id, Briefing b, CancellationToken ct)
    {
        var scope = b.Dyads.Select(d => (Kind: ScopeDyad, Value: d.ToString()))
            .Concat(b.ActorIds.Select(a => (Kind: ScopeActor, Value: a.ToString(CultureInfo.InvariantCulture))))
            .Concat(b.TagIds.Select(t => (Kind: ScopeTag, Value: t.ToString(CultureInfo.InvariantCulture))))
            .Concat(b.CameoRoots.Select(r => (Kind: ScopeRoot, Value: r)))
            .Distinct()
            .Select((s, i) => new { id, s.Kind, s.Value, position = i });
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO briefing_scope (briefing_id, kind, value, position) VALUES (@id, @Kind, @Value, @position)",
            scope, tx, cancellationToken: ct));

        // An item both pinned and excluded is excluded: leaving something out is the safer reading.
        var excluded = b.ExcludedEventIds.Select(i => (Type: Event, Id: i))
            .Concat(b.ExcludedStatementIds.Select(i => (Type: Statement, Id: i))).ToHashSet();
        var items = b.PinnedEventIds.Select(i => (Type: Event, Id: i, Disposition: Pinned))
            .Concat(b.PinnedStatementIds.Select(i => (Type: Statement, Id: i, Disposition: Pinned)))
            .Where(i => !excluded.Contains((i.Type, i.Id)))
            .Concat(excluded.Select(i => (i.Type, i.Id, Disposition: Excluded)))
            .DistinctBy(i => (i.Type, i.Id));
        await c.ExecuteAsync(new CommandDefinition(
            "INSERT INTO briefing_items (briefing_id, item_type, item_id, disposition, position) VALUES (@id, @type, @itemId, @disposition, @position)",
            items.Select((it, i) => new { id, type = it.Type, itemId = it.Id, disposition = it.Disposition, position = i }),
            tx, cancellationToken: ct));
    }

    private static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private sealed class HeaderRow
    {
        public long Id { get; init; }
        public string Title { get; init; } = "";
        public string? Author { get; init; }
        public string? PeriodFrom { get; init; }
        public string? PeriodTo { get; init; }
        public string Summary { get; init; } = "";
        public string Sections { get; init; } = "";
        public string? HandlingMarking { get; init; }
        public string? CreatedBy { get; init; }
        public int Version { get; init; }
        public string CreatedAt { get; init; } = "";
        public string UpdatedAt { get; init; } = "";
    }
}
