using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Temporal;

/// <summary>
/// A temporal expression normalised against the article's publication date: its TIMEX3 value and
/// the interval of days it denotes (null for durations and vague references without an interval).
/// </summary>
public sealed record TemporalExpression(
    Span Span,
    string Text,
    string Type,
    string Value,
    DateOnly? Start,
    DateOnly? End,
    string Precision)
{
    /// <summary>TIMEX3 modifier: START, MID, END, APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE, or null.</summary>
    public string? Mod { get; init; }

    /// <summary>The preposition or signal word just before the expression (since, in, for, on, after, until ...).</summary>
    public string? Signal { get; init; }

    /// <summary>
    /// For "two days after X" / "a day before X": the words standing for X (to the end of the clause),
    /// the signal ("after" or "before") and the signed offset in days from X to the expression's event.
    /// </summary>
    public TemporalAnchor? Anchor { get; init; }

    /// <summary>Tense of the clause around the expression, as used to resolve it.</summary>
    public Tense Tense { get; init; }

    /// <summary>True for DATE and TIME expressions with a day interval that is not a vague reference.</summary>
    public bool HasInterval => Start is not null && End is not null;
}

/// <param name="Scope">The anchor words ("a U.S. airstrike in Baghdad killed ...").</param>
/// <param name="OffsetDays">Days from the anchor to the event the expression dates (negative for "before"); null when
/// the amount is vague ("days after").</param>
public sealed record TemporalAnchor(string Signal, Span Scope, int? OffsetDays);

public enum Tense : byte
{
    Unknown,
    Past,
    Present,
    Future,
}
