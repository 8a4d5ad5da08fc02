using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Events;

/// <summary>One CAMEO-coded event read from an article, before it is written out as <see cref="ExtractedEvent"/>.</summary>
public sealed record CodedEvent
{
    public required CameoCode Code { get; init; }
    public required ActorEntity? Source { get; init; }
    public ActorEntity? Target { get; init; }

    /// <summary>The sentence (or sentences, for a statement) the event was read from.</summary>
    public required Span Evidence { get; init; }

    public required Span Trigger { get; init; }
    public bool Negated { get; init; }

    /// <summary>asserted, reported, possible, planned (how the text commits to the event).</summary>
    public string Modality { get; init; } = "asserted";

    /// <summary>True when the event is told in someone's statement rather than by the reporter.</summary>
    public bool Reported { get; init; }

    public string? Location { get; init; }
    public string? Summary { get; init; }
    public EventDate? Date { get; init; }

    /// <summary>The rule that coded it (pattern text), or "statement" for a coded statement.</summary>
    public string? Rule { get; init; }
}
