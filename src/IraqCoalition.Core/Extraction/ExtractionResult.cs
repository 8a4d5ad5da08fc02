using System.Text.Json.Serialization;

namespace IraqCoalition.Core.Extraction;

// These records are the extraction contract (docs/extraction-contract.md): the JSON names are
// fixed because the scorer and external harnesses read them. Add fields; never rename or drop.

public sealed record ExtractionResult
{
    [JsonPropertyName("article")] public required ArticleInfo Article { get; init; }
    [JsonPropertyName("actors")] public IReadOnlyList<ExtractedActor> Actors { get; init; } = [];
    [JsonPropertyName("statements")] public IReadOnlyList<ExtractedStatement> Statements { get; init; } = [];
    [JsonPropertyName("events")] public IReadOnlyList<ExtractedEvent> Events { get; init; } = [];
    [JsonPropertyName("timexes")] public IReadOnlyList<ExtractedTimex> Timexes { get; init; } = [];
}

public sealed record ArticleInfo
{
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("published")] public string? Published { get; init; }
    [JsonPropertyName("sentences")] public int Sentences { get; init; }
}

public sealed record SpanRef
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }

    public SpanRef() { }

    public SpanRef(int start, int end)
    {
        Start = start;
        End = end;
    }
}

public sealed record TextSpan
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("text")] public string Text { get; init; } = "";
}

public sealed record ExtractedActor
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }

    /// <summary>One of <see cref="ActorKinds"/>.</summary>
    [JsonPropertyName("kind")] public string Kind { get; init; } = ActorKinds.Other;

    [JsonPropertyName("country")] public string? Country { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("role")] public string? Role { get; init; }

    /// <summary>CAMEO-style agent or sector code (GOV, MIL, LEG, ...), when known.</summary>
    [JsonPropertyName("agent")] public string? Agent { get; init; }

    /// <summary>Key in the curated actor dictionary, when the actor came from it.</summary>
    [JsonPropertyName("dictionary_key")] public string? DictionaryKey { get; init; }

    [JsonPropertyName("aliases")] public IReadOnlyList<string> Aliases { get; init; } = [];
    [JsonPropertyName("mentions")] public IReadOnlyList<TextSpan> Mentions { get; init; } = [];
}

public static class ActorKinds
{
    public const string Person = "person";
    public const string Organization = "organization";
    public const string Country = "country";
    public const string Location = "location";
    public const string ArmedGroup = "armed_group";
    public const string Group = "group";
    public const string Media = "media";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Person, Organization, Country, Location, ArmedGroup, Group, Media, Other];
}

public sealed record ExtractedStatement
{
    [JsonPropertyName("speaker")] public string? Speaker { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("direct")] public bool Direct { get; init; }
    [JsonPropertyName("cue")] public string? Cue { get; init; }
    [JsonPropertyName("content")] public required SpanRef Content { get; init; }

    /// <summary>Span of the speaker's mention in the text.</summary>
    [JsonPropertyName("source")] public SpanRef? Source { get; init; }

    [JsonPropertyName("cue_span")] public SpanRef? CueSpan { get; init; }

    /// <summary>The sentence(s) holding the statement, for showing it in context.</summary>
    [JsonPropertyName("evidence")] public TextSpan? Evidence { get; init; }
}

public sealed record ExtractedEvent
{
    [JsonPropertyName("code")] public required string Code { get; init; }
    [JsonPropertyName("root")] public required string Root { get; init; }
    [JsonPropertyName("label")] public required string Label { get; init; }
    [JsonPropertyName("goldstein")] public double Goldstein { get; init; }

    /// <summary>1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.</summary>
    [JsonPropertyName("quad_class")] public int QuadClass { get; init; }

    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("target")] public string? Target { get; init; }
    [JsonPropertyName("date")] public required EventDate Date { get; init; }
    [JsonPropertyName("location")] public string? Location { get; init; }
    [JsonPropertyName("summary")] public string? Summary { get; init; }
    [JsonPropertyName("evidence")] public required TextSpan Evidence { get; init; }

    /// <summary>The words that triggered the code (verb or nominalisation).</summary>
    [JsonPropertyName("trigger")] public TextSpan? Trigger { get; init; }

    [JsonPropertyName("negated")] public bool Negated { get; init; }

    /// <summary>asserted, reported, possible, planned, demanded ... (how the text commits to the event).</summary>
    [JsonPropertyName("modality")] public string? Modality { get; init; }

    /// <summary>
    /// The trigger pattern that coded the event (a line of the verb-pattern data), or "statement" for
    /// an event read from a statement: what the Quality page counts editors' verdicts against.
    /// </summary>
    [JsonPropertyName("rule")] public string? Rule { get; init; }
}

public sealed record EventDate
{
    /// <summary>The single day (yyyy-MM-dd) where the timeline places the event.</summary>
    [JsonPropertyName("value")] public required string Value { get; init; }
    [JsonPropertyName("start")] public required string Start { get; init; }
    [JsonPropertyName("end")] public required string End { get; init; }

    /// <summary>day, week, month, year or range.</summary>
    [JsonPropertyName("precision")] public required string Precision { get; init; }

    /// <summary>The temporal expression the date came from, or null when inferred.</summary>
    [JsonPropertyName("text")] public string? Text { get; init; }
}

public sealed record ExtractedTimex
{
    [JsonPropertyName("start")] public int Start { get; init; }
    [JsonPropertyName("end")] public int End { get; init; }
    [JsonPropertyName("text")] public required string Text { get; init; }

    /// <summary>DATE, TIME, DURATION or SET (TIMEX3 types).</summary>
    [JsonPropertyName("type")] public required string Type { get; init; }

    /// <summary>TIMEX3-style value: 2020-01-03, 2020-01, 2020-W05, 2020, PRESENT_REF, PAST_REF, P3D ...</summary>
    [JsonPropertyName("value")] public required string Value { get; init; }
}
