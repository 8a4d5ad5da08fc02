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
    string Precision);
