using Dapper;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Articles;

public sealed class ArticleSummary
{
    public long Id { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? Published { get; init; }
    public string? Origin { get; init; }
    public int WordCount { get; init; }
    public int SentenceCount { get; init; }
    public string IngestedAt { get; init; } = "";
    public int Actors { get; init; }
    public int Statements { get; init; }
    public int Events { get; init; }
}

public sealed class ArticleDetail
{
    public long Id { get; init; }
    public string? Title { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? Published { get; init; }
    public string? Origin { get; init; }
    public string Body { get; init; } = "";
    public string ContentHash { get; init; } = "";
    public string ExtractorVersion { get; init; } = "";
    public string IngestedAt { get; init; } = "";
}

/// <summary>A span of an article's body and what it refers to, for highlighting in the reader.</summary>
public sealed class ArticleMention
{
    public long ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string ActorKind { get; init; } = "";
    public int StartOffset { get; init; }
    public int EndOffset { get; init; }
    public string Text { get; init; } = "";
}

public sealed class ArticleTimex
{
    public int StartOffset { get; init; }
    public int EndOffset { get; init; }
    public string Text { get; init; } = "";
    public string Type { get; init; } = "";
    public string Value { get; init; } = "";
}

public sealed class ArticleRepository(ConnectionFactory factory)
{
    public async Task<int> CountAsync(CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.ExecuteScalarAsync<int>("SELECT count(*) FROM articles");
    }

    public async Task<Page<ArticleSummary>> ListAsync(int skip = 0, int take = 50, string? text = null, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        var where = string.IsNullOrWhiteSpace(text) ? "" : $"WHERE a.title {factory.Dialect.Like} @text ESCAPE '\\' OR a.source {factory.Dialect.Like} @text ESCAPE '\\'";
        var p = new { skip = Math.Max(0, skip), take = Math.Clamp(take, 1, 500), text = "%" + SqlWhere.EscapeLike(text?.Trim() ?? "") + "%" };
        // Counts come from correlated subqueries on indexed article_id columns: cheap per page row.
        var items = await c.QueryAsync<ArticleSummary>(new CommandDefinition($"""
            SELECT a.id, a.title, a.source, a.url, a.published, a.origin, a.word_count, a.sentence_count, a.ingested_at,
                   (SELECT count(DISTINCT actor_id) FROM mentions m WHERE m.article_id = a.id) AS actors,
                   (SELECT count(*) FROM statements s WHERE s.article_id = a.id AND s.status <> 'rejected') AS statements,
                   (SELECT count(*) FROM events e WHERE e.article_id = a.id AND e.status <> 'rejected') AS events
            FROM articles a {where}
            ORDER BY a.published DESC, a.id DESC
            LIMIT @take OFFSET @skip
            """, p, cancellationToken: ct));
        var (total, capped) = await Counting.CountAsync(c, $"FROM articles a {where}", p, ct);
        return new Page<ArticleSummary>(items.ToList(), total, capped);
    }

    public async Task<ArticleDetail?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ArticleDetail>(new CommandDefinition("""
            SELECT id, title, source, url, published, origin, body, content_hash, extractor_version, ingested_at
            FROM articles WHERE id = @id
            """, new { id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ArticleMention>> MentionsAsync(long articleId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<ArticleMention>(new CommandDefinition("""
            SELECT m.actor_id, a.name AS actor_name, a.kind AS actor_kind, m.start_offset, m.end_offset, m.text
            FROM mentions m JOIN actors a ON a.id = m.actor_id
            WHERE m.article_id = @articleId ORDER BY m.start_offset
            """, new { articleId }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<ArticleTimex>> TimexesAsync(long articleId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<ArticleTimex>(new CommandDefinition(
            "SELECT start_offset, end_offset, text, type, value FROM timexes WHERE article_id = @articleId ORDER BY start_offset",
            new { articleId }, cancellationToken: ct))).ToList();
    }
}
