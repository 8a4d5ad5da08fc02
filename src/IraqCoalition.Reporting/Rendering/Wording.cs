using System.Globalization;
using IraqCoalition.Reporting.Composition;

namespace IraqCoalition.Reporting.Rendering;

/// <summary>Phrases every output format shares, so HTML, Markdown and CSV say the same thing.</summary>
public static class Wording
{
    public static readonly IReadOnlyList<string> QuadClasses = ["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"];

    public static string QuadClass(int quad) => quad is >= 1 and <= 4 ? QuadClasses[quad - 1] : "Unclassified";

    public static string Actor(string? name, string? country) =>
        (name, country) switch
        {
            (null or "", null or "") => "unknown",
            (null or "", var c) => c!,
            (var n, null or "") => n!,
            var (n, c) when string.Equals(n, c, StringComparison.OrdinalIgnoreCase) => n!,
            var (n, c) => $"{n} ({c})",
        };

    public static string Participants(BriefingEvent e) => $"{Actor(e.Source, e.SourceCountry)} → {Actor(e.Target, e.TargetCountry)}";

    public static string Goldstein(double g) => g.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture);

    public static string Speaker(BriefingStatement s) => s.Speaker is null ? "Unattributed" : Actor(s.Speaker, s.SpeakerCountry);

    /// <summary>Title, outlet and date of a cited article, as one line.</summary>
    public static string Reference(Citation c)
    {
        var parts = new List<string> { string.IsNullOrWhiteSpace(c.Title) ? $"Article {c.ArticleId.ToString(CultureInfo.InvariantCulture)}" : c.Title.Trim() };
        if (!string.IsNullOrWhiteSpace(c.Source))
        {
            parts.Add(c.Source.Trim());
        }

        if (!string.IsNullOrWhiteSpace(c.Published))
        {
            parts.Add(c.Published);
        }

        return string.Join(". ", parts) + ".";
    }

    /// <summary>"3 reports, 2 sources", as the timeline says it.</summary>
    public static string Coverage(BriefingEvent e) =>
        $"{Core.Text.Counted.Of(e.ReportCount, "report")}, {Core.Text.Counted.Of(e.SourceCount, "source")}";

    public static string Outlet(BriefingReport r) => string.IsNullOrWhiteSpace(r.Outlet) ? "Unknown source" : r.Outlet.Trim();

    public static string Title(BriefingReport r) =>
        string.IsNullOrWhiteSpace(r.ArticleTitle) ? $"Article {r.ArticleId.ToString(CultureInfo.InvariantCulture)}" : r.ArticleTitle.Trim();

    public static string Generated(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
