using IraqCoalition.Core.Actors;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Statements;

/// <summary>
/// Something an actor said, directly quoted or reported. <see cref="Content"/> indexes the article body
/// exactly (<c>body[Content.Start..Content.End] == Text</c>).
/// </summary>
public sealed record Statement
{
    public required ActorEntity? Speaker { get; init; }
    public required Span Content { get; init; }
    public required string Text { get; init; }
    public bool Direct { get; init; }

    /// <summary>The attribution words ("said", "told reporters", "according to", "saying").</summary>
    public string? Cue { get; init; }

    public Span? CueSpan { get; init; }

    /// <summary>The words naming the speaker, when the text names them at the attribution.</summary>
    public Span? SpeakerSpan { get; init; }

    /// <summary>The addressee of "told X that ...", when it is an actor.</summary>
    public ActorEntity? Addressee { get; init; }

    /// <summary>The sentence(s) holding the statement and its attribution.</summary>
    public required Span Evidence { get; init; }
}
