using Dapper;
using IraqCoalition.Data.Storage;

namespace IraqCoalition.Data.Actors;

public sealed record ActorQuery
{
    public string? Text { get; init; }
    public string? Kind { get; init; }
    public string? Country { get; init; }
    public long? TagId { get; init; }
    public bool IncludeMerged { get; init; }
    public string Sort { get; init; } = "mentions";
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

public sealed class ActorRow
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? Country { get; init; }
    public string? Title { get; init; }
    public string? Role { get; init; }
    public string? Agent { get; init; }
    public long? MergedIntoId { get; init; }
    public bool Verified { get; init; }
    public int Version { get; init; }
    public int Mentions { get; init; }
    public int Articles { get; init; }
}

public sealed class ActorAlias
{
    public long Id { get; init; }
    public string Alias { get; init; } = "";
    public string Origin { get; init; } = "";
}

public sealed class ActorRepository(ConnectionFactory factory)
{
    private const string Columns = """
        a.id, a.name, a.kind, a.country, a.title, a.role, a.agent, a.merged_into_id, a.verified, a.version,
        a.mention_count AS mentions, a.article_count AS articles
        """;

    public async Task<Page<ActorRow>> SearchAsync(ActorQuery q, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(q);
        var w = new SqlWhere();
        if (!q.IncludeMerged)
        {
            w.And("a.merged_into_id IS NULL");
        }

        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            w.Parameters.Add("text", "%" + SqlWhere.EscapeLike(q.Text.Trim()) + "%");
            w.Parameters.Add("ntext", "%" + SqlWhere.EscapeLike(NameKey.Normalize(q.Text)) + "%");
            w.And($"(a.name {factory.Dialect.Like} @text ESCAPE '\\' OR a.id IN (SELECT actor_id FROM actor_aliases WHERE normalized LIKE @ntext ESCAPE '\\'))");
        }

        w.AndIf(q.Kind, "a.kind = @kind", "kind")
         .AndIf(q.Country?.ToUpperInvariant(), "a.country = @country", "country")
         .AndIf(q.TagId, "a.id IN (SELECT actor_id FROM actor_tags WHERE tag_id = @tag)", "tag");
        var p = w.Parameters;
        var sb = w.ToString();

        var order = q.Sort switch
        {
            "name" => factory.Dialect.NoCase("a.name"),
            "country" => "a.country, " + factory.Dialect.NoCase("a.name"),
            "kind" => "a.kind, " + factory.Dialect.NoCase("a.name"),
            _ => "a.mention_count DESC, a.id",
        };
        p.Add("skip", Math.Max(0, q.Skip));
        p.Add("take", Math.Clamp(q.Take, 1, 500));
        await using var c = await factory.OpenAsync(ct);
        // Pick the page's ids first, then compute the per-row article counts for those rows only.
        var items = await c.QueryAsync<ActorRow>(new CommandDefinition($"""
            SELECT {Columns} FROM actors a
            WHERE a.id IN (SELECT a.id FROM actors a {sb} ORDER BY {order} LIMIT @take OFFSET @skip)
            ORDER BY {order}
            """, p, cancellationToken: ct));
        var (total, capped) = await Counting.CountAsync(c, $"FROM actors a {sb}", p, ct);
        return new Page<ActorRow>(items.ToList(), total, capped);
    }

    public async Task<ActorRow?> GetAsync(long id, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return await c.QuerySingleOrDefaultAsync<ActorRow>(new CommandDefinition(
            $"SELECT {Columns} FROM actors a WHERE a.id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<ActorAlias>> AliasesAsync(long actorId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<ActorAlias>(new CommandDefinition(
            "SELECT id, alias, origin FROM actor_aliases WHERE actor_id = @actorId ORDER BY alias", new { actorId }, cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Most articles read for <see cref="CoOccurringAsync"/>: the latest ones that mention the actor.
    /// A country mentioned in tens of thousands of articles would otherwise cost seconds per page view,
    /// and its companions in the latest 2,000 articles are the ones an analyst is after.
    /// </summary>
    public const int CoOccurrenceWindow = 2_000;

    /// <summary>Actors that most often share an article with this one, among its latest <see cref="CoOccurrenceWindow"/> articles.</summary>
    public async Task<IReadOnlyList<(long Id, string Name, string? Country, int Articles)>> CoOccurringAsync(long actorId, int take = 10, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        // Distinct (article, other actor) pairs over the actor's latest articles, counted per actor: an
        // index-only walk of ix_mentions_actor, then of ix_mentions_article_actor per article.
        return (await c.QueryAsync<(long, string, string?, int)>(new CommandDefinition($"""
            WITH articles AS (
                SELECT article_id FROM mentions WHERE actor_id = @actorId
                GROUP BY article_id ORDER BY article_id DESC LIMIT {CoOccurrenceWindow}),
            pairs AS (
                SELECT DISTINCT m.article_id, m.actor_id
                FROM articles x JOIN mentions m ON m.article_id = x.article_id
                WHERE m.actor_id <> @actorId),
            top AS (
                SELECT actor_id, count(*) AS n FROM pairs GROUP BY actor_id ORDER BY n DESC, actor_id LIMIT @take)
            SELECT a.id, a.name, a.country, top.n
            FROM top JOIN actors a ON a.id = top.actor_id
            ORDER BY top.n DESC, a.name
            """, new { actorId, take }, cancellationToken: ct))).ToList();
    }

    /// <summary>
    /// Mentions per day (yyyy-MM-dd of the article's published date). Days, not months: the page
    /// draws weeks when the actor's mentions span a few months and months otherwise.
    /// </summary>
    public async Task<IReadOnlyList<(string Day, int Mentions)>> MentionsByDayAsync(long actorId, CancellationToken ct = default)
    {
        await using var c = await factory.OpenAsync(ct);
        return (await c.QueryAsync<(string, int)>(new CommandDefinition("""
            SELECT substr(ar.published, 1, 10) AS day, count(*)
            FROM mentions m JOIN articles ar ON ar.id = m.article_id
            WHERE m.actor_id = @actorId AND ar.published IS NOT NULL
            GROUP BY day ORDER BY day
            """, new { actorId }, cancellationToken: ct))).ToList();
    }
}
