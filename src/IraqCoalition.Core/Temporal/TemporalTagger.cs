using IraqCoalition.Core.Text;

namespace IraqCoalition.Core.Temporal;

/// <summary>Finds and normalises temporal expressions (dates, weekdays, relative and vague references).</summary>
public static class TemporalTagger
{
    public static IReadOnlyList<TemporalExpression> Tag(TextDocument doc, DateOnly published)
    {
        ArgumentNullException.ThrowIfNull(doc);
        _ = published;
        return [];
    }
}
