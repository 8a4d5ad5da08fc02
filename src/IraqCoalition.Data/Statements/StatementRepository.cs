using Dapper;
using IraqCoalition.Data.Storage;

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

    /// <summary>'machine', or 'editor' for a statement an editor added.</summary>
    public string Origin { get; init; } = "machine";

    public string? ReviewNote { get; init; }
}

public sealed class StatementRepository(ConnectionFactory factory)
{
    public async Task<Page<StatementRow>> SearchAsync(StatementQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var w = new SqlWhere();
        if (!q.IncludeRejected)
        {
            w.And("st.status <> 'rejected'");
        }

        w.AndIf(q.SpeakerId, "st.speaker_actor_id = @speaker", "speaker")
         .AndIf(q.ArticleId, "st.article_id = @article", "article")
         .AndIf(q.Direct, "st.direct = @direct", "direct")
         .AndIf(q.From, "st.date_value >= @from", "from")
         .AndIf(q.To, "st.date_value <= @to", "to")
         .AndContains(factory.Dialect, q.Text, "text", "st.text", "sp.name");
        var p = w.Parameters;
        var sb = w.ToString();
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
                   st.content_start, st.content_end, st.evidence_start, st.evidence_end, st.date_value, st.status, st.version,
                   st.origin, st.review_note
            {from_} {sb}
            ORDER BY st.date_value DESC, st.id DESC
            LIMIT @take OFFSET @skip
            """, p, cancellationToken: ct));
        // The joins only matter to the count when the text filter reads the speaker's name.
        var countFrom = string.IsNullOrWhiteSpace(q.Text) ? $"FROM statements st {sb}" : $"{from_} {sb}";
        var (total, capped) = await Counting.CountAsync(c, countFrom, p, ct);
        return new Page<StatementRow>(items.ToList(), total, capped);
    }
}
