using Dapper;
using IraqCoalition.Data.Sqlite;

namespace IraqCoalition.Data.Queries;

public sealed record ActorMention
{
    public int Start { get; init; }
    public int End { get; init; }
    public long ActorId { get; init; }
    public string ActorName { get; init; } = "";
    public string Kind { get; init; } = "";
}

public sealed record TimexMark
{
    public int Start { get; init; }
    public int End { get; init; }
    public string Text { get; init; } = "";
    public string Type { get; init; } = "";
    public string Value { get; init; } = "";
}

public sealed record StatementMark
{
    public long Id { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public bool Direct { get; init; }
    public long? SpeakerActorId { get; init; }
    public string? SpeakerName { get; init; }
    public int? SpeakerStart { get; init; }
    public int? SpeakerEnd { get; init; }
}

public sealed record EventMark
{
    public long Id { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    public string Code { get; init; } = "";
    public string Label { get; init; } = "";
    public int QuadClass { get; init; }
}

// Property records rather than positional ones: Dapper converts SQLite's INTEGER (long) to int and bool
// for properties, but insists on exact types for constructor parameters.

/// <summary>Everything extracted from one article, as spans of its body, for the reader's highlights.</summary>
public sealed record ArticleAnnotations(
    IReadOnlyList<ActorMention> Mentions,
    IReadOnlyList<TimexMark> Timexes,
    IReadOnlyList<StatementMark> Statements,
    IReadOnlyList<EventMark> Events);

/// <summary>Reads the spans of one article in four indexed queries (each uses the table's article index).</summary>
public sealed class ArticleAnnotationsQuery(SqliteConnectionFactory connections)
{
    public async Task<ArticleAnnotations> GetAsync(long articleId, CancellationToken ct = default)
    {
        await using var connection = await connections.OpenAsync(ct);
        var args = new { articleId };

        const string mentionsSql = """
            SELECT m.start_offset AS Start, m.end_offset AS End, a.id AS ActorId, a.name AS ActorName, a.kind AS Kind
            FROM mentions m JOIN actors a ON a.id = m.actor_id
            WHERE m.article_id = @articleId
            ORDER BY m.start_offset
            """;
        const string timexSql = """
            SELECT start_offset AS Start, end_offset AS End, text AS Text, type AS Type, value AS Value
            FROM timexes WHERE article_id = @articleId ORDER BY start_offset
            """;
        const string statementsSql = """
            SELECT s.id AS Id, s.content_start AS Start, s.content_end AS End, s.direct AS Direct,
                   s.speaker_actor_id AS SpeakerActorId, a.name AS SpeakerName, s.speaker_start AS SpeakerStart, s.speaker_end AS SpeakerEnd
            FROM statements s LEFT JOIN actors a ON a.id = s.speaker_actor_id
            WHERE s.article_id = @articleId
            ORDER BY s.content_start
            """;
        const string eventsSql = """
            SELECT id AS Id, evidence_start AS Start, evidence_end AS End, code AS Code, label AS Label, quad_class AS QuadClass
            FROM events WHERE article_id = @articleId ORDER BY evidence_start
            """;

        var mentions = await connection.QueryAsync<ActorMention>(new CommandDefinition(mentionsSql, args, cancellationToken: ct));
        var timexes = await connection.QueryAsync<TimexMark>(new CommandDefinition(timexSql, args, cancellationToken: ct));
        var statements = await connection.QueryAsync<StatementMark>(new CommandDefinition(statementsSql, args, cancellationToken: ct));
        var events = await connection.QueryAsync<EventMark>(new CommandDefinition(eventsSql, args, cancellationToken: ct));
        return new ArticleAnnotations(mentions.AsList(), timexes.AsList(), statements.AsList(), events.AsList());
    }
}
