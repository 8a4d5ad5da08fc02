using System.Globalization;
using IraqCoalition.Data.Clusters;

namespace IraqCoalition.Web.Timeline;

/// <summary>How a candidate event of a move or merge reads, so the editor can tell one strike from another before choosing.</summary>
public static class ClusterLabels
{
    private const int EvidenceChars = 140;

    public static string Day(string isoDay) => TimelineFilter.DayText(isoDay);

    /// <summary>"United States → Qassem Soleimani", a country code where the actor is unknown, "unknown" where both are.</summary>
    public static string Sides(ClusterSuggestion s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return $"{s.SourceName ?? s.SourceCountry ?? "unknown"} → {s.TargetName ?? s.TargetCountry ?? "unknown"}";
    }

    /// <summary>The whole event in one line: day, sides, label and coverage.</summary>
    public static string Describe(ClusterSuggestion s) =>
        $"{Day(s.DateValue)} · {Sides(s)}: {s.Label} · {Coverage.Of(s.ReportCount, s.SourceCount)}";

    public static string Clip(string text) =>
        text.Length <= EvidenceChars ? text : string.Concat(text.AsSpan(0, text.LastIndexOf(' ', EvidenceChars) is > 40 and var at ? at : EvidenceChars), "…");
}
