namespace IraqCoalition.Core.Actors;

/// <summary>
/// One curated actor: a country, organisation, armed group, person or place. A key of the form
/// <c>IRQ/parliament</c> names the actor that a country + agent phrase ("Iraqi parliament") builds, so
/// its aliases ("Council of Representatives") join that same actor.
/// </summary>
public sealed class ActorEntry
{
    public required string Key { get; init; }
    public required string Name { get; set; }
    public string Kind { get; set; } = Extraction.ActorKinds.Other;
    public string? Country { get; set; }
    public string? Agent { get; set; }
    public string? Title { get; set; }
    public string? Role { get; set; }

    /// <summary>Surface names that refer to the actor by name.</summary>
    public List<string> Aliases { get; } = [];

    /// <summary>Names that stand for the actor by association ("Kremlin" for Russia's government).</summary>
    public List<string> Metonyms { get; } = [];

    /// <summary>Nouns that, after "the", refer back to this actor ("the coalition", "the extremist group").</summary>
    public List<string> Anaphors { get; } = [];

    /// <summary>Countries: adjectives ("Iraqi"); the first one names derived actors ("Iraqi military").</summary>
    public List<string> Demonyms { get; } = [];

    /// <summary>Countries: plural nouns for the people ("Iraqis", "Americans").</summary>
    public List<string> People { get; } = [];

    /// <summary>Countries: the capital, a place in its own right and a metonym for the government.</summary>
    public string? Capital { get; set; }

    /// <summary>Where the entry came from (file name, "editor", an import), for the dictionary page and audits.</summary>
    public string? Source { get; set; }

    /// <summary>The country and agent-entry key when <see cref="Key"/> has the form <c>ISO/agent</c>.</summary>
    public (string Country, string Agent)? CountryAgent
    {
        get
        {
            var slash = Key.IndexOf('/', StringComparison.Ordinal);
            return slash > 0 ? (Key[..slash].ToUpperInvariant(), Key[(slash + 1)..]) : null;
        }
    }

    public IEnumerable<string> AllNames() => Aliases.Prepend(Name);
}

/// <summary>
/// A noun that makes an actor out of a country ("Iraqi military", "Iraq's parliament", "Russian Foreign
/// Ministry") or, alone, an anonymous one ("a senior official", "lawmakers").
/// </summary>
public sealed class AgentEntry
{
    public required string Key { get; init; }

    /// <summary>CAMEO agent code (GOV, MIL, LEG, ...).</summary>
    public required string Code { get; set; }

    /// <summary>organization, person (one anonymous person), group (a plural) or country (the government itself).</summary>
    public string Kind { get; set; } = Extraction.ActorKinds.Organization;

    /// <summary>Canonical noun for naming derived actors: "military", "Foreign Ministry".</summary>
    public required string Name { get; set; }

    public List<string> Nouns { get; } = [];

    /// <summary>Nouns that also premodify other nouns ("military relations"): heads only at a phrase end.</summary>
    public List<string> Attributive { get; } = [];

    /// <summary>Nouns that, after "the", refer back to an actor of this agent ("the ministry", "the chamber").</summary>
    public List<string> Anaphors { get; } = [];

    /// <summary>When set, the noun alone (no country) is an actor of this kind: "reporters", "foreign forces".</summary>
    public bool Standalone { get; set; }

    /// <summary>
    /// An office one person holds for a country at a time ("Iran's ambassador", "the Iraqi foreign
    /// minister"): named by its role alone after "the" or a possessive, it is that person, not an
    /// anonymous source. Without this, only "a/an" + the noun makes a person.
    /// </summary>
    public bool Definite { get; set; }
}
