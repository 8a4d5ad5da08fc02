using System.Globalization;
using System.Text;
using IraqCoalition.Reporting.Composition;

namespace IraqCoalition.Reporting.Rendering;

/// <summary>
/// The briefing's events and statements as one CSV table (RFC 4180: CRLF rows, every field that
/// needs it quoted, quotes doubled). Cells that a spreadsheet would run as a formula are prefixed
/// with an apostrophe (extracted text is untrusted); plain numbers are left as numbers.
/// </summary>
public static class BriefingCsvWriter
{
    public static readonly IReadOnlyList<string> Header =
    [
        "type", "id", "date", "pinned", "code", "label", "quad_class", "goldstein", "source", "source_country",
        "target", "target_country", "speaker", "direct", "text", "evidence", "citation", "article_title", "outlet", "published", "url",
        "report_count", "source_count", "sources",
    ];

    public static string Write(BriefingDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var refs = doc.Citations.ToDictionary(c => c.Number);
        var sb = new StringBuilder();
        Row(sb, Header);
        foreach (var e in doc.Events)
        {
            var c = refs[e.Citation];
            Row(sb,
            [
                "event", Num(e.Id), e.Date, e.Pinned ? "yes" : "no", e.Code, e.Label, Wording.QuadClass(e.QuadClass),
                e.Goldstein.ToString("0.0", CultureInfo.InvariantCulture), e.Source, e.SourceCountry, e.Target, e.TargetCountry,
                null, null, e.Summary, e.Evidence, Num(e.Citation), c.Title, c.Source, c.Published, c.Url,
                Num(e.ReportCount), Num(e.SourceCount), Sources(e),
            ]);
        }

        foreach (var s in doc.Statements)
        {
            var c = refs[s.Citation];
            Row(sb,
            [
                "statement", Num(s.Id), s.Date, s.Pinned ? "yes" : "no", null, null, null, null, null, null, null, null,
                s.Speaker, s.Direct ? "direct" : "reported", s.Text, null, Num(s.Citation), c.Title, c.Source, c.Published, c.Url,
                null, null, null,
            ]);
        }

        return sb.ToString();
    }

    /// <summary>Every report of the event in one cell: "[1] Reuters: title, 2020-01-03, /articles/4?start=0&amp;end=57", separated by " | ".</summary>
    private static string Sources(BriefingEvent e) =>
        string.Join(" | ", e.Reports.Select(r =>
            $"[{Num(r.Citation)}] {Wording.Outlet(r)}: {Wording.Title(r)}{(string.IsNullOrWhiteSpace(r.Published) ? "" : ", " + r.Published)}, {r.Link}"));

    public static string Field(string? value)
    {
        var v = value ?? "";
        // A plain number such as -10.0 cannot carry a formula and must stay a number in the sheet.
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPlainNumber(v))
        {
            v = "'" + v;
        }

        return v.AsSpan().IndexOfAny("\",\r\n") >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    private static bool IsPlainNumber(string v) =>
        double.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    private static void Row(StringBuilder sb, IEnumerable<string?> fields)
    {
        sb.AppendJoin(',', fields.Select(Field)).Append("\r\n");
    }

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);
}
