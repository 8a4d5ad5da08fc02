using System.Globalization;
using System.Text;
using IraqCoalition.Data.Quality;
using IraqCoalition.Web.Timeline;

namespace IraqCoalition.Web.Quality;

/// <summary>
/// What the Quality page shows, as it stands in the URL: the period, the order of the tables and
/// which items are open. Every value is a string, so a stale or hand-edited link never throws.
/// </summary>
public sealed record QualityView
{
    public const string Path = "/quality";
    public const string SortByRejections = "rejected";
    public const int PageSize = 50;

    public string? From { get; init; }
    public string? To { get; init; }
    public string? Sort { get; init; }
    public string? Stage { get; init; }
    public string? Verdict { get; init; }
    public string? Rule { get; init; }
    public string? Root { get; init; }
    public string? Month { get; init; }
    public int? Page { get; init; }

    /// <summary>The view with unknown stages and verdicts dropped and blanks made null.</summary>
    public QualityView Normalized() => this with
    {
        From = Blank(From), To = Blank(To),
        Sort = Sort == SortByRejections ? Sort : null,
        Stage = Stage is { } s && QualityService.AllStages.Contains(s) ? s : null,
        Verdict = Verdict is { } v && QualityService.AllVerdicts.Contains(v) ? v : null,
        // A pattern is matched to the letter, spaces included.
        Rule = string.IsNullOrEmpty(Rule) ? null : Rule,
        Root = Blank(Root), Month = Blank(Month),
        Page = Page > 1 ? Page : null,
    };

    public bool ShowsItems => Stage is not null || Verdict is not null || Rule is not null || Root is not null || Month is not null;

    public bool SortsByRejections => Sort == SortByRejections;

    public QualityQuery ToQuery() => new() { From = TimelineFilter.ParseDate(From), To = TimelineFilter.ParseDate(To) };

    public QualityItemQuery ToItemQuery() => new()
    {
        Stage = Stage, Verdict = Verdict, Rule = Rule, Root = Root, Month = Month,
        From = TimelineFilter.ParseDate(From), To = TimelineFilter.ParseDate(To),
        Skip = (Math.Max(Page ?? 1, 1) - 1) * PageSize, Take = PageSize,
    };

    /// <summary>The link to the items behind one number, in this view's period and order.</summary>
    public string ItemsHref(string? stage = null, string? verdict = null, string? rule = null, string? root = null, string? month = null) =>
        (this with { Stage = stage, Verdict = verdict, Rule = rule, Root = root, Month = month, Page = null }).Href();

    public string WithoutItemsHref() => ItemsHref();

    public string SortHref(string? sort) => (this with { Sort = sort, Page = null }).Href();

    public string PageHref(int page) => (this with { Page = page > 1 ? page : null }).Href();

    public string Href()
    {
        var query = new StringBuilder();
        foreach (var (key, value) in new (string, string?)[]
        {
            ("from", From), ("to", To), ("sort", Sort), ("stage", Stage), ("verdict", Verdict), ("rule", Rule), ("root", Root), ("month", Month),
            ("page", Page?.ToString(CultureInfo.InvariantCulture)),
        })
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(key).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        return Path + query;
    }

    /// <summary>A ratio as a whole percentage, or "—" when there is nothing to divide by.</summary>
    public static string Percent(double? ratio) => ratio is { } r ? r.ToString("0%", CultureInfo.InvariantCulture) : "—";

    /// <summary>Reading-order label of a month key: "2020-01" as "Jan 2020".</summary>
    public static string MonthLabel(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("MMM yyyy", CultureInfo.InvariantCulture)
            : month;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
