using System.Text;
using Dapper;
using IraqCoalition.Data.Events;
using IraqCoalition.Data.Sqlite;

namespace IraqCoalition.Data.Statements;

public sealed record StatementQuery
{
    public long? SpeakerId { get; init; }
    public long? ArticleId { get; init; }
    public bool? Direct { get; init; }
    public string? Text { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public bool IncludeRejected { get; init; }
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

public sealed class StatementRow
{
    public long Id { get; init; }
    public long ArticleId { get; init; }
    public string? ArticleTitle { get; init; }
    public string? Published { get; init; }
    public long? SpeakerActorId { get; init; }
    public string? SpeakerName { get; init; }
    public string? SpeakerCountry { get; init; }
    public string Text { get; init; } = "";
    public bool Direct { get; init; }
    public string? Cue { get; init; }
    public int ContentStart { get; init; }
    public int ContentEnd { get; init; }
    public int? EvidenceStart { get; init; }
    public int? EvidenceEnd { get; init; }
    public string? DateValue { get; init; }
    public string Status { get; init; } = "extracted";
    public int Version { get; init; }
}

public sealed class StatementRepository(SqliteConnectionFactory factory)
{
    public async Task<Page<StatementRow>> SearchAsync(StatementQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var sb = new StringBuilder();
        var p = new DynamicParameters();
        void And(string clause) => sb.Append(sb.Length == 0 ? "WHERE " : " AND ").Append(clause);
        if (!q.IncludeRejected)
        {
            And("st.status <> 'rejected'");
        }

        if (q.SpeakerId is { } speaker)
        {
            And("st.speaker_actor_id = @speaker");
            p.Add("speaker", speaker);
        }

        if (q.ArticleId is { } article)
        {
            And("st.article_id = @article");
            p.Add("article", article);
        }

        if (q.Direct is { } direct)
        {
            And("st.direct = @direct");
            p.Add("direct", direct);
        }

        if (q.From is { } from)
        {
            And("st.date_value >= @from");
            p.Add("from", Clock.Day(from));
        }

        if (q.To is { } to)
        {
            And("st.date_value <= @to");
            p.Add("to", Clock.Day(to));
        }

        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            And("(st.text LIKE @text ESCAPE '\\' OR sp.name LIKE @text ESCAPE '\\')");
            p.Add("text", "%" + EventRepository.EscapeLike(q.Text.Trim()) + "%");
        }

        p.Add("skip", Math.Max(0, q.Skip));
        p.Add("take", Math.Clamp(q.Take, 1, 500));
        const string from_ = """
            FROM statements st
            JOIN articles ar ON ar.id = st.article_id
            LEFT JOIN actors sp ON sp.id = st.speaker_actor_id
            """;
        await using var c = await factory.OpenAsync(ct);
        var items = await c.QueryAsync<StatementRow>(new CommandDefinition($"""
            SELECT st.id, st.article_id, ar.title AS article_title, ar.published, st.speaker_actor_id,
                   sp.name AS speaker_name, sp.country AS speaker_country, st.text, st.direct, st.cue,
                   st.content_start, st.content_end, st.evidence_start, st.evidence_end, st.date_value, st.status, st.version
            {from_} {sb}
            ORDER BY st.date_value DESC, st.article_id DESC, st.content_start
            LIMIT @take OFFSET @skip
            """, p, cancellationToken: ct));
        var total = await c.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT count(*) {from_} {sb}", p, cancellationToken: ct));
        return new Page<StatementRow>(items.ToList(), total);
    }
}
