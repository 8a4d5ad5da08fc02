using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Actors;

/// <summary>How a mention refers to its actor; statements and events trust names more than pronouns.</summary>
public enum MentionType
{
    Name,
    Title,
    Nominal,
    Pronoun,
    Metonym,
    Demonym,
}

/// <summary>One actor found in an article, with every span that refers to it.</summary>
public sealed class ActorEntity
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string Kind { get; set; } = Extraction.ActorKinds.Other;
    public string? Country { get; set; }
    public string? Title { get; set; }
    public string? Role { get; set; }
    public string? Agent { get; set; }
    public string? DictionaryKey { get; set; }
    public List<string> Aliases { get; } = [];
    public List<ActorMention> Mentions { get; } = [];
}

public sealed record ActorMention(Span Span, string Text, ActorEntity Actor, MentionType Type);

/// <summary>The actors of one article and their mentions, ordered by position for span lookups.</summary>
public sealed class ActorAnalysis
{
    public ActorAnalysis(IReadOnlyList<ActorEntity> actors, IReadOnlyList<ActorMention> mentions)
    {
        Actors = actors;
        Mentions = mentions.OrderBy(m => m.Span.Start).ThenByDescending(m => m.Span.Length).ToList();
    }

    public IReadOnlyList<ActorEntity> Actors { get; }

    /// <summary>All mentions sorted by start offset (longest first on ties).</summary>
    public IReadOnlyList<ActorMention> Mentions { get; }

    public ActorMention? MentionAt(int offset)
    {
        foreach (var m in Mentions)
        {
            if (m.Span.Start > offset)
            {
                break;
            }

            if (m.Span.Contains(offset))
            {
                return m;
            }
        }

        return null;
    }

    public IEnumerable<ActorMention> MentionsIn(Span span) =>
        Mentions.Where(m => m.Span.Start >= span.Start && m.Span.End <= span.End);
}
